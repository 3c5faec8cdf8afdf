using FeedHub.Scheduling;

namespace FeedHub.Sources;

/// <summary>
/// What makes a source valid, said once for configuration and API alike. Each error names the field
/// (<c>url</c>, <c>interval</c>, <c>cron</c>, <c>timeZone</c>) so the caller can point at it.
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

        return errors;
    }
}
