using Microsoft.Extensions.Options;
using Quartz;

namespace FeedHub.Scheduling;

/// <summary>Decides when a source is polled next.</summary>
internal sealed class PollPlanner(IOptions<SchedulerOptions> options)
{
    private static readonly TimeSpan MaxJitter = TimeSpan.FromSeconds(30);

    /// <summary>A source just added (or the service just started) is polled within seconds.</summary>
    public DateTimeOffset First(DateTimeOffset now)
    {
        var spread = options.Value.FirstPollSpread;
        return now + spread * NextFraction();
    }

    /// <summary>
    /// The interval counts from when the poll was due, not when it ended, so the rhythm holds; a jitter
    /// of up to a tenth (at most 30 s) either way keeps sources sharing an interval from firing together,
    /// while the mean interval stays exactly what the operator set.
    /// </summary>
    public DateTimeOffset Next(SourceSchedule schedule, DateTimeOffset dueAt, DateTimeOffset now)
    {
        if (schedule.Cron is { } cron)
        {
            var zone = Sources.SourceTimeZones.TryFind(schedule.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
            return new CronExpression(cron, zone).GetNextValidTimeAfter(now) ?? now + options.Value.DefaultInterval;
        }

        var interval = schedule.Interval ?? options.Value.DefaultInterval;
        var jitterRange = TimeSpan.FromTicks(Math.Min(interval.Ticks / 10, MaxJitter.Ticks));
        var next = dueAt + interval + jitterRange * (2 * NextFraction() - 1);
        return next < now ? now : next;
    }

#pragma warning disable CA5394 // Jitter spreads load; it needs no cryptographic randomness.
    private static double NextFraction() => Random.Shared.NextDouble();
#pragma warning restore CA5394
}
