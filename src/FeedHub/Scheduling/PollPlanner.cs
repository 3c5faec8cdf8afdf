using System.Globalization;
using FeedHub.Parsing;
using Microsoft.Extensions.Options;
using Quartz;

namespace FeedHub.Scheduling;

/// <summary>
/// Decides when a source is polled next, and says why in words an operator can check: the operator's
/// interval or cron, else the rhythm the source has shown (adaptive), then the feed's and the server's
/// hints, backoff after failures, and Retry-After over everything.
/// </summary>
internal sealed class PollPlanner(IOptions<SchedulerOptions> options)
{
    private static readonly TimeSpan MaxJitter = TimeSpan.FromSeconds(30);

    /// <summary>A source just added (or the service just started) is polled within seconds.</summary>
    public PlannedPoll First(DateTimeOffset now)
    {
        var spread = options.Value.FirstPollSpread;
        return new PlannedPoll(now + spread * NextFraction(), "first poll after the source was added, changed or the scheduler started");
    }

    public PlannedPoll Next(SourceSchedule schedule, DateTimeOffset dueAt, DateTimeOffset now) => Next(schedule, PollFeedback.None, dueAt, now);

    public PlannedPoll Next(SourceSchedule schedule, PollFeedback feedback, DateTimeOffset dueAt, DateTimeOffset now)
    {
        if (feedback.HostBusy)
        {
            var retry = now + options.Value.HostBusyRetry * (0.5 + NextFraction());
            return feedback.HostFreeAt is { } free && free > retry
                ? new PlannedPoll(free + options.Value.HostBusyRetry * NextFraction(), "its host asked every worker to wait (Retry-After); polling when it allows")
                : new PlannedPoll(retry, "its host was busy with other polls; trying again shortly");
        }

        var (interval, planned) = Regular(schedule, feedback, dueAt, now);
        if (feedback.ConsecutiveFailures > 0)
        {
            planned = Backoff(planned, interval, feedback.ConsecutiveFailures, now);
        }

        if (feedback.RetryAfter is { } retryAfter && now + retryAfter > planned.At)
        {
            planned = new PlannedPoll(now + retryAfter, $"the server asked to wait {Describe(retryAfter)} (Retry-After)");
        }

        return planned;
    }

    /// <returns>The interval the plan rests on (for backoff), and the plan.</returns>
    private (TimeSpan Interval, PlannedPoll Plan) Regular(SourceSchedule schedule, PollFeedback feedback, DateTimeOffset dueAt, DateTimeOffset now)
    {
        if (schedule.Cron is { } cron)
        {
            var zone = Sources.SourceTimeZones.TryFind(schedule.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
            var plan = new CronExpression(cron, zone).GetNextValidTimeAfter(now) is { } fire
                ? new PlannedPoll(fire, $"cron '{cron}' in {zone.Id}")
                : new PlannedPoll(now + options.Value.DefaultInterval, $"cron '{cron}' fires no more; default interval");
            return (options.Value.DefaultInterval, plan);
        }

        if (schedule.Interval is { } interval)
        {
            return (interval, Jittered(dueAt, interval, now, $"interval {interval:c}"));
        }

        if (!options.Value.Adaptive || feedback.Rhythm is null)
        {
            var fallback = options.Value.DefaultInterval;
            var why = options.Value.Adaptive ? "default interval until the source's rhythm is known" : "default interval";
            return (fallback, Jittered(dueAt, fallback, now, $"{why} {fallback:c}"));
        }

        if (feedback.PushActive)
        {
            var safetyNet = options.Value.EffectiveMaxInterval;
            return (safetyNet, Jittered(dueAt, safetyNet, now, $"WebSub hub pushes new items; polling every {Describe(safetyNet)} as a safety net"));
        }

        var (adaptive, reason) = Adaptive(feedback);
        var planned = Jittered(dueAt, adaptive, now, reason);
        return (adaptive, AvoidSkipped(planned, feedback.Hints ?? FeedPollHints.None));
    }

    private (TimeSpan Interval, string Reason) Adaptive(PollFeedback feedback)
    {
        var min = options.Value.EffectiveMinInterval;
        var max = options.Value.EffectiveMaxInterval;
        var rhythm = feedback.Rhythm!;
        var interval = rhythm.MeanGap ?? max;
        var reason = rhythm.Items == 0
            ? $"adaptive: nothing published in {Describe(rhythm.Window)}"
            : $"adaptive: about {rhythm.ItemsPerDay.ToString(rhythm.ItemsPerDay < 10 ? "0.#" : "0", CultureInfo.InvariantCulture)} items a day";

        // The feed's and the server's word can only slow polling down, and never past the maximum.
        var hints = feedback.Hints ?? FeedPollHints.None;
        foreach (var (floor, what) in new (TimeSpan?, string)[] { (hints.TimeToLive, "ttl"), (hints.UpdatePeriod, "sy:updatePeriod"), (feedback.FreshFor, "HTTP max-age") })
        {
            if (floor is { } hint && hint > interval)
            {
                interval = hint;
                reason += $", {what} {Describe(hint)}";
            }
        }

        var bounded = interval < min ? min : interval > max ? max : interval;
        var bound = bounded == interval ? string.Empty : bounded == min ? " (the minimum)" : " (the maximum)";
        return (bounded, $"{reason} → every {Describe(bounded)}{bound}");
    }

    private PlannedPoll Backoff(PlannedPoll planned, TimeSpan interval, int failures, DateTimeOffset now)
    {
        var max = options.Value.MaxBackoff;
        var factor = Math.Pow(2, Math.Min(failures - 1, 30));
        var delay = interval.Ticks * factor >= max.Ticks ? max : TimeSpan.FromTicks((long)(interval.Ticks * factor));
        if (delay < interval || now + delay <= planned.At)
        {
            return planned with { Reason = $"{planned.Reason}; {failures} failure(s) in a row" };
        }

        var jitter = TimeSpan.FromTicks(Math.Min(delay.Ticks / 10, MaxJitter.Ticks)) * (2 * NextFraction() - 1);
        var capped = delay == max ? $", the cap" : string.Empty;
        return new PlannedPoll(now + delay + jitter, $"backing off after {failures} failures in a row: {Describe(delay)}{capped}");
    }

    /// <summary>
    /// The interval counts from when the poll was due, not when it ended, so the rhythm holds; a jitter
    /// of up to a tenth (at most 30 s) either way keeps sources sharing an interval from firing together,
    /// while the mean interval stays what was planned.
    /// </summary>
    private static PlannedPoll Jittered(DateTimeOffset dueAt, TimeSpan interval, DateTimeOffset now, string reason)
    {
        var jitterRange = TimeSpan.FromTicks(Math.Min(interval.Ticks / 10, MaxJitter.Ticks));
        var next = dueAt + interval + jitterRange * (2 * NextFraction() - 1);
        return next < now ? new PlannedPoll(now, reason + ", overdue") : new PlannedPoll(next, reason + " with jitter");
    }

    /// <summary>RSS skipHours (UTC hours) and skipDays: a poll that would fall in one moves to the next hour outside them.</summary>
    private static PlannedPoll AvoidSkipped(PlannedPoll planned, FeedPollHints hints)
    {
        if (hints.SkipHours.Count == 0 && hints.SkipDays.Count == 0)
        {
            return planned;
        }

        var at = planned.At.ToUniversalTime();
        var moved = false;
        for (var hour = 0; hour < 24 * 7 && (hints.SkipHours.Contains(at.Hour) || hints.SkipDays.Contains(at.DayOfWeek)); hour++)
        {
            at = new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
            moved = true;
        }

        return moved ? new PlannedPoll(at, $"{planned.Reason}; moved past the feed's skipHours/skipDays") : planned;
    }

    private static string Describe(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } when span.TotalDays % 1 == 0 => $"{span.TotalDays:0} d",
        { TotalHours: >= 1 } => span.TotalHours % 1 == 0 ? $"{span.TotalHours:0} h" : $"{span.TotalHours:0.#} h",
        { TotalMinutes: >= 1 } => span.TotalMinutes % 1 == 0 ? $"{span.TotalMinutes:0} min" : $"{span.TotalMinutes:0.#} min",
        _ => $"{span.TotalSeconds:0.#} s",
    };

#pragma warning disable CA5394 // Jitter spreads load; it needs no cryptographic randomness.
    private static double NextFraction() => Random.Shared.NextDouble();
#pragma warning restore CA5394
}
