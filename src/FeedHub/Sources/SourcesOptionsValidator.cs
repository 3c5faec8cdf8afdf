using FeedHub.Scheduling;
using Microsoft.Extensions.Options;

namespace FeedHub.Sources;

/// <summary>A mistyped source fails start-up with the key to fix, not the first poll hours later.</summary>
internal sealed class SourcesOptionsValidator : IValidateOptions<SourcesOptions>
{
    public ValidateOptionsResult Validate(string? name, SourcesOptions options)
    {
        var errors = new List<string>();
        var urls = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Sources.Count; i++)
        {
            var source = options.Sources[i];
            var key = $"FeedHub:Sources:{i}";
            if (!SourceUrl.TryParse(source.Url, out var url))
            {
                errors.Add($"{key}:Url must be an absolute http or https URL (got '{source.Url}').");
            }
            else if (!urls.Add(url.AbsoluteUri))
            {
                errors.Add($"{key}:Url '{url}' is declared twice.");
            }

            if (source.Interval is { } interval && interval <= TimeSpan.Zero)
            {
                errors.Add($"{key}:Interval must be positive (got '{interval}').");
            }

            if (source.Interval is not null && source.Cron is not null)
            {
                errors.Add($"{key} sets both Interval and Cron; choose one.");
            }

            if (source.Cron is { } cron && !CronSchedule.TryNormalize(cron, out _, out var cronError))
            {
                errors.Add($"{key}:Cron '{cron}' is not a valid cron expression: {cronError}");
            }

            if (source.TimeZone is { } zone && !SourceTimeZones.TryFind(zone, out _))
            {
                errors.Add($"{key}:TimeZone '{zone}' is not a known IANA time zone.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
