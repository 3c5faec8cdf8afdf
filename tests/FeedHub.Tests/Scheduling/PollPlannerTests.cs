using FeedHub.Scheduling;
using Microsoft.Extensions.Options;
using Xunit;

namespace FeedHub.Tests.Scheduling;

public sealed class PollPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 19, 6, 0, 0, TimeSpan.Zero);
    private readonly PollPlanner planner = new(Options.Create(new SchedulerOptions()));

    [Fact]
    public void Next_poll_stays_within_a_tenth_of_the_interval_of_when_it_was_due()
    {
        var schedule = new SourceSchedule(TimeSpan.FromMinutes(5), null, "UTC");
        var times = Enumerable.Range(0, 500).Select(_ => planner.Next(schedule, Now, Now).At).ToList();

        Assert.All(times, t => Assert.InRange(t, Now.AddSeconds(270), Now.AddSeconds(330)));
        Assert.True(times.Distinct().Count() > 100, "jitter spreads sources sharing an interval");
    }

    [Fact]
    public void A_short_interval_is_honoured_as_given()
    {
        var schedule = new SourceSchedule(TimeSpan.FromSeconds(2), null, "UTC");
        var times = Enumerable.Range(0, 200).Select(_ => planner.Next(schedule, Now, Now).At).ToList();

        Assert.All(times, t => Assert.InRange(t, Now.AddSeconds(1.8), Now.AddSeconds(2.2)));
    }

    [Fact]
    public void Jitter_is_capped_at_thirty_seconds_for_long_intervals()
    {
        var schedule = new SourceSchedule(TimeSpan.FromHours(6), null, "UTC");

        Assert.All(Enumerable.Range(0, 200), _ =>
            Assert.InRange(planner.Next(schedule, Now, Now).At, Now.AddHours(6).AddSeconds(-30), Now.AddHours(6).AddSeconds(30)));
    }

    [Fact]
    public void A_poll_that_overran_its_interval_is_followed_at_once()
    {
        var schedule = new SourceSchedule(TimeSpan.FromSeconds(10), null, "UTC");

        Assert.Equal(Now, planner.Next(schedule, Now.AddMinutes(-5), Now).At);
    }

    [Fact]
    public void Sources_without_an_interval_use_the_default()
    {
        var schedule = new SourceSchedule(null, null, "UTC");

        Assert.InRange(planner.Next(schedule, Now, Now).At, Now.AddMinutes(10).AddSeconds(-30), Now.AddMinutes(10).AddSeconds(30));
    }

    [Fact]
    public void Cron_is_read_in_the_source_time_zone()
    {
        Assert.True(CronSchedule.TryNormalize("0 6 * * *", out var cron, out _));
        var schedule = new SourceSchedule(null, cron, "Asia/Ho_Chi_Minh");

        // 06:00 in Hanoi is 23:00 UTC the day before.
        Assert.Equal(new DateTimeOffset(2026, 1, 19, 23, 0, 0, TimeSpan.Zero), planner.Next(schedule, Now, Now).At);
    }

    [Fact]
    public void First_poll_comes_within_seconds()
    {
        Assert.All(Enumerable.Range(0, 100), _ => Assert.InRange(planner.First(Now).At, Now, Now.AddSeconds(3)));
    }
}
