namespace FeedHub.Sources;

/// <summary>A source as the operator declares it under <c>FeedHub:Sources:N</c>, or sends it to the API.</summary>
internal sealed class SourceDefinition
{
    public string? Url { get; set; }
    public string? Name { get; set; }
    public List<string> Tags { get; set; } = [];
    public TimeSpan? Interval { get; set; }
    public string? Cron { get; set; }
    public string? TimeZone { get; set; }
    public string? Language { get; set; }

    /// <summary>Request headers sent with every poll, for feeds behind a token or a picky server.</summary>
    public Dictionary<string, string> Headers { get; set; } = [];

    /// <summary>HTTP Basic credentials for feeds behind auth.</summary>
    public string? Username { get; set; }
    public string? Password { get; set; }

    public bool FullContent { get; set; }

    /// <summary>Per-site rules for <see cref="FullContent"/>: selectors to keep and to remove.</summary>
    public SourceExtraction? Extraction { get; set; }

    /// <summary>Makes the source an HTML listing: a page without a feed, read through these selectors.</summary>
    public SourceListing? Listing { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>The given name, fitted to its column, or the feed's host when none is given.</summary>
    public string NameFor(Uri url) =>
        string.IsNullOrWhiteSpace(Name) ? url.Host : Storage.ColumnLimits.Shorten(Name.Trim(), Storage.ColumnLimits.SourceName);

    /// <summary>Copies the settings (everything but URL and name, which need checking first) onto a stored source.</summary>
    public void ApplyTo(Source source)
    {
        source.Tags = [.. Tags.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.Ordinal)];
        source.Interval = Interval;
        source.Cron = Trimmed(Cron);
        source.TimeZone = Trimmed(TimeZone);
        source.Language = Trimmed(Language);
        source.RequestHeaders = Headers.ToDictionary(h => h.Key.Trim(), h => KeptSecret(h.Value.Trim(), source.RequestHeaders.GetValueOrDefault(h.Key.Trim())), StringComparer.OrdinalIgnoreCase);

        // The API never shows secrets, so a definition read back and sent again says "keep" by leaving them out or masked.
        var username = Trimmed(Username);
        source.Password = username is null ? null : string.IsNullOrEmpty(Password) || Password == MaskedSecret ? source.Password : Password;
        source.Username = username;
        source.FullContent = FullContent;
        source.Extraction = Extraction?.Cleaned();
        source.Listing = Listing?.Cleaned();
        if (Enabled && !source.Enabled)
        {
            source.DisabledReason = null;
        }

        source.Enabled = Enabled;
    }

    /// <summary>What the API shows instead of a header value or password.</summary>
    public const string MaskedSecret = "***";

    private static string KeptSecret(string value, string? current) => value == MaskedSecret && current is not null ? current : value;

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
