using System.Collections.Concurrent;
using System.Diagnostics;
using FeedHub.Telemetry;
using FeedHub.Tests.EndToEnd;
using Microsoft.Extensions.Logging;
using Xunit;

namespace FeedHub.Tests.Telemetry;

/// <summary>What a poll reports about itself: one "poll" span, the FeedHub counters, and log lines that name the source.</summary>
public sealed class PollTelemetryTests
{
    [Fact]
    public async Task Each_poll_makes_exactly_one_poll_span_with_the_source_outcome_and_item_counts()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == FeedHubTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var hub = await TelemetryHub.StartAsync();
        var id = hub.SourceId.ToString();
        List<Activity> PollsOfSource() => [.. spans.Where(s => s.OperationName == "poll" && Equals(s.GetTagItem(TelemetryTags.SourceId), id))];
        await Eventually.HoldsAsync(() => PollsOfSource().Count == 1, "the start-up poll's span has ended");

        hub.PublishSecondEdition();
        var fetched = await hub.PollNowAsync();
        hub.ReplaceFeedWithAPage();
        var failed = await hub.PollNowAsync();

        var polls = PollsOfSource();
        Assert.Equal(3, polls.Count);
        var first = polls[0];
        Assert.Equal("fetched", first.GetTagItem(TelemetryTags.Outcome));
        Assert.Equal(3, first.GetTagItem(TelemetryTags.ItemsNew));

        var second = polls[1];
        Assert.Equal(fetched.GetProperty("outcome").GetString(), second.GetTagItem(TelemetryTags.Outcome));
        Assert.Equal(2, fetched.GetProperty("added").GetInt32());
        Assert.Equal(1, fetched.GetProperty("changed").GetInt32());
        Assert.Equal(2, second.GetTagItem(TelemetryTags.ItemsNew));
        Assert.Equal(1, second.GetTagItem(TelemetryTags.ItemsUpdated));
        Assert.Equal(2, second.GetTagItem(TelemetryTags.ItemsUnchanged));
        Assert.Equal(TelemetryHub.SourceName, second.GetTagItem(TelemetryTags.SourceName));
        Assert.Equal(ActivityStatusCode.Unset, second.Status);

        // Only the host: the URL's path (or any credentials in it) stays out of the span.
        Assert.Equal(hub.Server.BaseAddress.Host, second.GetTagItem(TelemetryTags.SourceHost));
        Assert.DoesNotContain(second.TagObjects, tag => tag.Value is string text && text.Contains(TelemetryHub.Feed, StringComparison.Ordinal));

        var third = polls[2];
        Assert.Equal("failed", failed.GetProperty("outcome").GetString());
        Assert.Equal("failed", third.GetTagItem(TelemetryTags.Outcome));
        Assert.Equal("NotAFeed", third.GetTagItem(TelemetryTags.Failure));
        Assert.Equal(ActivityStatusCode.Error, third.Status);
    }

    [Fact]
    public async Task Item_and_poll_counters_move_by_what_each_poll_found_and_failures_are_counted_by_class()
    {
        await using var hub = await TelemetryHub.StartAsync();
        using var meter = new RecordedMeasurements(hub.Hub.Services.GetRequiredService<FeedHubTelemetry>().Meter);

        hub.PublishSecondEdition();
        await hub.PollNowAsync();
        Assert.Equal(2, meter.Sum("feedhub.items.new"));
        Assert.Equal(1, meter.Sum("feedhub.items.updated"));
        Assert.Equal(1, meter.Sum("feedhub.polls", (TelemetryTags.Outcome, "fetched")));
        Assert.Equal(0, meter.Sum("feedhub.polls", (TelemetryTags.Outcome, "failed")));

        // The same edition again: the server answers 304, nothing new, nothing updated.
        await hub.PollNowAsync();
        Assert.Equal(1, meter.Sum("feedhub.polls", (TelemetryTags.Outcome, "unchanged")));
        Assert.Equal(2, meter.Sum("feedhub.items.new"));
        Assert.Equal(1, meter.Sum("feedhub.items.updated"));

        hub.ReplaceFeedWithAPage();
        await hub.PollNowAsync();
        await hub.PollNowAsync();
        Assert.Equal(2, meter.Sum("feedhub.polls", (TelemetryTags.Outcome, "failed"), (TelemetryTags.Failure, "NotAFeed")));
        Assert.Equal(2, meter.Sum("feedhub.items.new"));
        Assert.Equal(4, meter.Count("feedhub.poll.duration"));
    }

    [Fact]
    public async Task Publishing_records_the_lag_of_each_message_and_the_pending_outbox_drains_to_zero()
    {
        await using var hub = await TelemetryHub.StartAsync();
        using var meter = new RecordedMeasurements(hub.Hub.Services.GetRequiredService<FeedHubTelemetry>().Meter);

        hub.PublishSecondEdition();
        await hub.PollNowAsync();

        await Eventually.HoldsAsync(
            () => meter.Count("feedhub.publish.lag", (TelemetryTags.MessageType, "FeedItemPublished")) == 2
                && meter.Count("feedhub.publish.lag", (TelemetryTags.MessageType, "FeedItemUpdated")) == 1,
            "the two new items and the edited one are published and their lag recorded");
        Assert.All(meter.Values("feedhub.publish.lag"), lag => Assert.InRange(lag, 0, 60));
        await Eventually.HoldsAsync(() => meter.Observe("feedhub.outbox.pending") == 0, "the outbox gauge reads zero once drained");
    }

    [Fact]
    public async Task Log_lines_written_during_a_poll_carry_the_source_id_and_name()
    {
        await using var hub = await TelemetryHub.StartAsync(settings => settings["Logging:LogLevel:FeedHub"] = "Information");
        using var logs = new RecordedLogs();
        hub.Hub.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);

        hub.PublishSecondEdition();
        await hub.PollNowAsync();
        hub.ReplaceFeedWithAPage();
        await hub.PollNowAsync();

        var stored = Assert.Single(logs.Entries, e => e.Message.StartsWith("Polled ", StringComparison.Ordinal));
        var failed = Assert.Single(logs.Entries, e => e.Message.StartsWith("Poll of ", StringComparison.Ordinal) && e.Level == LogLevel.Warning);
        foreach (var entry in new[] { stored, failed })
        {
            Assert.Equal(hub.SourceId, entry.Scope("SourceId"));
            Assert.Equal(TelemetryHub.SourceName, entry.Scope("SourceName"));
        }

        // A line from outside any poll has no source scope.
        hub.Hub.Services.GetRequiredService<ILoggerFactory>().CreateLogger("FeedHub.Outside").LogWarning("not a poll");
        Assert.Null(Assert.Single(logs.Entries, e => e.Message == "not a poll").Scope("SourceId"));
    }
}
