using Microsoft.Extensions.Options;
using Quartz;

namespace FeedHub.Scheduling;

/// <summary>Decides when a source is polled next.</summary>
internal sealed class PollPlanner(IOptions<SchedulerOptions> options)
{
    private static readonly TimeSpan MaxJitter = TimeSpan.FromSeconds(30);

    /// <summary>A source just added (or the service just started) is polled within seconds.</summary>
    public PlannedPoll First(DateTimeOffset now)
    {
        var spread = options.Value.FirstPollSpread;
        return new PlannedPoll(now + spread * NextFraction(), "first poll after the source was added, changed or the scheduler started");
    }

    /// <summary>
    /// The interval counts from when the poll was due, not when it ended, so the rhythm holds; a jitter
    /// of up to a tenth (at most 30 s) either way keeps sources sharing an interval from firing together,
    /// while the mean interval stays exactly what the operator set.
    /// </summary>
    public PlannedPoll Next(SourceSchedule schedule, DateTimeOffset dueAt, DateTimeOffset now)
    {
        if (schedule.Cron is { } cron)
        {
            var zone = Sources.SourceTimeZones.TryFind(schedule.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
            return new CronExpression(cron, zone).GetNextValidTimeAfter(now) is { } fire
                ? new PlannedPoll(fire, $"cron '{cron}' in {zone.Id}")
                : new PlannedPoll(now + options.Value.DefaultInterval, $"cron '{cron}' fires no more; default interval");
        }

        var interval = schedule.Interval ?? options.Value.DefaultInterval;
        var jitterRange = TimeSpan.FromTicks(Math.Min(interval.Ticks / 10, MaxJitter.Ticks));
        var next = dueAt + interval + jitterRange * (2 * NextFraction() - 1);
        var reason = schedule.Interval is null ? $"default interval {interval:c} with jitter" : $"interval {interval:c} with jitter";
        return next < now ? new PlannedPoll(now, reason + ", overdue") : new PlannedPoll(next, reason);
    }

#pragma warning disable CA5394 // Jitter spreads load; it needs no cryptographic randomness.
    private static double NextFraction() => Random.Shared.NextDouble();
#pragma warning restore CA5394
}
