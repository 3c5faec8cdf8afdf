using FeedHub.Scheduling;

namespace FeedHub.Sources;

/// <summary>
/// What makes a source valid, said once for configuration and API alike. Each error names the field
/// (<c>url</c>, <c>interval</c>, <c>cron</c>, <c>timeZone</c>, <c>language</c>, <c>headers</c>, <c>username</c>,
/// <c>listing</c>, <c>extraction</c>) so the caller can point at it.
/// </summary>
internal static class SourceDefinitionValidator
{
    public static IReadOnlyList<(string Field, string Message)> Validate(SourceDefinition source)
    {
        var errors = new List<(string, string)>();
        if (!SourceUrl.TryParse(source.Url, out _))
        {
            errors.Add(("url", $"must be an absolute http or https URL (got '{source.Url}')."));
        }

        if (source.Interval is { } interval && interval <= TimeSpan.Zero)
        {
            errors.Add(("interval", $"must be positive (got '{interval}')."));
        }

        if (source.Interval is not null && !string.IsNullOrWhiteSpace(source.Cron))
        {
            errors.Add(("cron", "cannot be set together with interval; choose one."));
        }

        if (!string.IsNullOrWhiteSpace(source.Cron) && !CronSchedule.TryNormalize(source.Cron, out _, out var cronError))
        {
            errors.Add(("cron", $"'{source.Cron}' is not a valid cron expression: {cronError}"));
        }

        if (!string.IsNullOrWhiteSpace(source.TimeZone) && !SourceTimeZones.TryFind(source.TimeZone, out _))
        {
            errors.Add(("timeZone", $"'{source.TimeZone}' is not a known IANA time zone."));
        }

        if (!string.IsNullOrWhiteSpace(source.Language) && !IsLanguageTag(source.Language.Trim()))
        {
            errors.Add(("language", $"'{source.Language}' is not a language tag such as 'vi' or 'en-US'."));
        }

        foreach (var (name, value) in source.Headers)
        {
            if (HeaderProblem(name, value) is { } problem)
            {
                errors.Add(("headers", problem));
            }
        }

        if (string.IsNullOrWhiteSpace(source.Username) && !string.IsNullOrEmpty(source.Password))
        {
            errors.Add(("username", "is needed with a password."));
        }

        AddListingErrors(source.Listing, errors);
        AddExtractionErrors(source.Extraction, errors);
        return errors;
    }

    private static void AddListingErrors(SourceListing? listing, List<(string, string)> errors)
    {
        if (listing is null || listing == new SourceListing())
        {
            return;
        }

        // Checked as it will be stored: blank selectors mean "use the default", not a selector that is empty.
        if (listing.Cleaned() is not { } cleaned)
        {
            errors.Add(("listing", "the item selector is required."));
            return;
        }

        foreach (var problem in cleaned.ToSelectors().Validate())
        {
            errors.Add(("listing", problem + "."));
        }
    }

    private static void AddExtractionErrors(SourceExtraction? extraction, List<(string, string)> errors)
    {
        if (extraction is null)
        {
            return;
        }

        foreach (var selector in extraction.Keep.Concat(extraction.Remove).Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            if (Parsing.Listing.ListingSelectors.SelectorError(selector.Trim()) is { } error)
            {
                errors.Add(("extraction", $"\"{selector}\" is not a valid CSS selector: {error}."));
            }
        }
    }

    /// <summary>Headers FeedHub sets itself (conditional GET, decompression, auth from credentials) are not the operator's to override.</summary>
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Transfer-Encoding", "Connection", "If-None-Match", "If-Modified-Since", "Accept-Encoding",
    };

    private static string? HeaderProblem(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(name) || !name.All(c => c is > ' ' and < (char)127 && c != ':'))
        {
            return $"'{name}' is not a header name.";
        }

        if (ReservedHeaders.Contains(name.Trim()))
        {
            return $"'{name}' is set by FeedHub itself and cannot be configured.";
        }

        return value is null || value.Any(c => c is '\r' or '\n' or '\0') ? $"the value of '{name}' must be one line of text." : null;
    }

    public static bool IsLanguageTag(string value) =>
        value.Length <= 35 && value.Split('-') is [var primary, ..] parts
        && primary.Length is >= 2 and <= 8 && primary.All(char.IsAsciiLetter)
        && parts.All(p => p.Length is >= 1 and <= 8 && p.All(char.IsAsciiLetterOrDigit));
}
