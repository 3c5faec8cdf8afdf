using FeedHub.Parsing;
using FeedHub.Scheduling;
using Microsoft.Extensions.Options;
using Xunit;

namespace FeedHub.Tests.Scheduling;

/// <summary>Adaptive intervals, the feed's and the server's hints, and backoff: defaults are a 10 min interval, 5 min to 2 h adaptive.</summary>
public sealed class AdaptivePollPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 19, 6, 0, 0, TimeSpan.Zero);
    private static readonly SourceSchedule Adaptive = new(null, null, "UTC");
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private readonly PollPlanner planner = new(Options.Create(new SchedulerOptions()));

    [Fact]
    public void A_source_publishing_every_half_hour_is_polled_about_every_half_hour()
    {
        var plan = planner.Next(Adaptive, Rhythm(items: 48, span: TimeSpan.FromDays(1)), Now, Now);

        Assert.InRange(plan.At, Now.AddMinutes(27), Now.AddMinutes(33));
        Assert.Contains("48 items a day", plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_busy_source_is_held_to_the_minimum_and_a_quiet_one_to_the_maximum()
    {
        var busy = planner.Next(Adaptive, Rhythm(items: 20, span: TimeSpan.FromHours(1)), Now, Now);
        var quiet = planner.Next(Adaptive, Rhythm(items: 0, span: Week), Now, Now);

        Assert.InRange(busy.At, Now.AddMinutes(4.5), Now.AddMinutes(5.5));
        Assert.Contains("the minimum", busy.Reason, StringComparison.Ordinal);
        Assert.InRange(quiet.At, Now.AddHours(2).AddSeconds(-30), Now.AddHours(2).AddSeconds(30));
        Assert.Contains("nothing published", quiet.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_whose_rhythm_is_unknown_starts_at_the_default_interval()
    {
        var plan = planner.Next(Adaptive, PollFeedback.None, Now, Now);

        Assert.InRange(plan.At, Now.AddMinutes(9.5), Now.AddMinutes(10.5));
    }

    [Fact]
    public void Ttl_sy_update_period_and_http_max_age_slow_adaptive_polling_but_never_past_the_maximum()
    {
        var busy = Rhythm(items: 48, span: TimeSpan.FromDays(1));

        var ttl = planner.Next(Adaptive, busy with { Hints = Hints(ttl: TimeSpan.FromMinutes(60)) }, Now, Now);
        var period = planner.Next(Adaptive, busy with { Hints = Hints(period: TimeSpan.FromHours(1.5)) }, Now, Now);
        var maxAge = planner.Next(Adaptive, busy with { FreshFor = TimeSpan.FromMinutes(45) }, Now, Now);
        var huge = planner.Next(Adaptive, busy with { Hints = Hints(ttl: TimeSpan.FromDays(1)) }, Now, Now);

        Assert.InRange(ttl.At, Now.AddMinutes(59), Now.AddMinutes(61));
        Assert.Contains("ttl 1 h", ttl.Reason, StringComparison.Ordinal);
        Assert.InRange(period.At, Now.AddMinutes(89), Now.AddMinutes(91));
        Assert.InRange(maxAge.At, Now.AddMinutes(44), Now.AddMinutes(46));
        Assert.Contains("max-age", maxAge.Reason, StringComparison.Ordinal);
        Assert.InRange(huge.At, Now.AddHours(2).AddSeconds(-30), Now.AddHours(2).AddSeconds(30));
    }

    [Fact]
    public void Hints_never_override_an_interval_the_operator_set()
    {
        var schedule = new SourceSchedule(TimeSpan.FromMinutes(2), null, "UTC");
        var plan = planner.Next(schedule, new PollFeedback(Hints: Hints(ttl: TimeSpan.FromHours(1)), FreshFor: TimeSpan.FromHours(1)), Now, Now);

        Assert.InRange(plan.At, Now.AddMinutes(1.8), Now.AddMinutes(2.2));
    }

    [Fact]
    public void A_poll_falling_in_skip_hours_or_skip_days_moves_to_the_first_hour_outside_them()
    {
        // Now is Monday 06:00 UTC; the half-hourly rhythm would poll at about 06:30.
        var hints = new FeedPollHints(null, [6, 7], [], null);
        var plan = planner.Next(Adaptive, Rhythm(items: 48, span: TimeSpan.FromDays(1)) with { Hints = hints }, Now, Now);
        var weekend = new FeedPollHints(null, [], [DayOfWeek.Monday], null);
        var nextDay = planner.Next(Adaptive, Rhythm(items: 48, span: TimeSpan.FromDays(1)) with { Hints = weekend }, Now, Now);

        Assert.Equal(Now.AddHours(2), plan.At);
        Assert.Contains("skipHours", plan.Reason, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 1, 20, 0, 0, 0, TimeSpan.Zero), nextDay.At);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(5, 160)]
    [InlineData(7, 360)]
    [InlineData(40, 360)]
    public void A_failing_source_backs_off_doubling_up_to_the_cap_and_is_never_given_up(int failures, int expectedMinutes)
    {
        var schedule = new SourceSchedule(TimeSpan.FromMinutes(10), null, "UTC");

        var plan = planner.Next(schedule, new PollFeedback(ConsecutiveFailures: failures), Now, Now);

        var jitter = Math.Min(expectedMinutes * 6, 30);
        Assert.InRange(plan.At, Now.AddMinutes(expectedMinutes).AddSeconds(-jitter), Now.AddMinutes(expectedMinutes).AddSeconds(jitter));
        Assert.Contains("failure", plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Retry_after_wins_over_a_shorter_plan_but_not_over_a_longer_one()
    {
        var schedule = new SourceSchedule(TimeSpan.FromMinutes(10), null, "UTC");

        var longer = planner.Next(schedule, new PollFeedback(ConsecutiveFailures: 1, RetryAfter: TimeSpan.FromHours(1)), Now, Now);
        var shorter = planner.Next(schedule, new PollFeedback(ConsecutiveFailures: 1, RetryAfter: TimeSpan.FromSeconds(30)), Now, Now);

        Assert.Equal(Now.AddHours(1), longer.At);
        Assert.Contains("Retry-After", longer.Reason, StringComparison.Ordinal);
        Assert.InRange(shorter.At, Now.AddMinutes(9.5), Now.AddMinutes(10.5));
    }

    [Fact]
    public void A_poll_put_off_by_a_busy_host_is_tried_again_within_about_a_minute()
    {
        var plan = planner.Next(new SourceSchedule(TimeSpan.FromHours(1), null, "UTC"), new PollFeedback(HostBusy: true), Now, Now);

        Assert.InRange(plan.At, Now.AddSeconds(30), Now.AddSeconds(90));
        Assert.Contains("host was busy", plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_poll_turned_away_by_a_host_held_off_for_an_hour_is_planned_for_when_the_host_allows()
    {
        var free = Now.AddHours(1);
        var plan = planner.Next(new SourceSchedule(TimeSpan.FromMinutes(5), null, "UTC"), new PollFeedback(HostBusy: true) { HostFreeAt = free }, Now, Now);

        Assert.InRange(plan.At, free, free.AddMinutes(1));
        Assert.Contains("Retry-After", plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void With_adaptive_off_sources_keep_the_default_interval()
    {
        var fixedPlanner = new PollPlanner(Options.Create(new SchedulerOptions { Adaptive = false }));

        var plan = fixedPlanner.Next(Adaptive, Rhythm(items: 0, span: Week), Now, Now);

        Assert.InRange(plan.At, Now.AddMinutes(9.5), Now.AddMinutes(10.5));
    }

    [Fact]
    public void While_a_hub_pushes_polling_falls_back_to_the_maximum_as_a_safety_net()
    {
        var busy = Rhythm(items: 48, span: TimeSpan.FromDays(1));

        var pushed = planner.Next(Adaptive, busy with { PushActive = true }, Now, Now);
        var quietHub = planner.Next(Adaptive, busy, Now, Now);

        Assert.InRange(pushed.At, Now.AddHours(2).AddSeconds(-30), Now.AddHours(2).AddSeconds(30));
        Assert.Contains("WebSub", pushed.Reason, StringComparison.Ordinal);
        Assert.InRange(quietHub.At, Now.AddMinutes(27), Now.AddMinutes(33));
    }

    private static PollFeedback Rhythm(int items, TimeSpan span) => new(Rhythm: new PublishingRhythm(items, span, Week));

    private static FeedPollHints Hints(TimeSpan? ttl = null, TimeSpan? period = null) => new(ttl, [], [], period);
}
