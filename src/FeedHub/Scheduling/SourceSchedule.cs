namespace FeedHub.Scheduling;

/// <summary>When a source is polled: every <see cref="Interval"/>, or at the times of <see cref="Cron"/> in <see cref="TimeZone"/>.</summary>
internal sealed record SourceSchedule(TimeSpan? Interval, string? Cron, string TimeZone)
{
    public const string IntervalKey = "interval";
    public const string CronKey = "cron";
    public const string TimeZoneKey = "timeZone";
}
