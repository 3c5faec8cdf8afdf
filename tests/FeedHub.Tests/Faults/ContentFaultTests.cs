using Xunit;

namespace FeedHub.Tests.Faults;

/// <summary>What the body is decides, not what the server calls it.</summary>
public sealed class ContentFaultTests : IAsyncLifetime
{
    private FaultScenario scenario = null!;

    public async ValueTask InitializeAsync() => scenario = await FaultScenario.StartAsync();

    public ValueTask DisposeAsync() => scenario.DisposeAsync();

    [Theory]
    [InlineData(Fault.FeedAsHtmlContentType)]
    [InlineData(Fault.FeedAsOctetStream)]
    public async Task A_feed_served_with_a_wrong_content_type_is_still_parsed_and_stored(Fault fault)
    {
        scenario.Feeds.Misbehave(FaultScenario.Faulty, fault);
        scenario.Feeds.Publish(FaultScenario.Faulty, "f-3");

        var poll = await scenario.PollNowAsync(scenario.FaultyId);

        Assert.Equal("fetched", poll.GetProperty("outcome").GetString());
        Assert.Equal(1, poll.GetProperty("added").GetInt32());
        Assert.True(scenario.Feeds.FaultyRequestsFor(FaultScenario.Faulty) >= 1);
        var health = await scenario.HealthAsync(scenario.FaultyId);
        FaultScenario.AssertHealthy(health);
        Assert.Equal(200, health.GetProperty("lastStatusCode").GetInt32());
        Assert.Equal(["f-1", "f-2", "f-3"], await scenario.StoredGuidsAsync(FaultScenario.Faulty));
        await scenario.AssertPublishedOnceAsync(FaultScenario.Faulty, "f-1", "f-2", "f-3");
        await scenario.AssertHealthySourceKeepsBeingPolledAsync();
    }

    [Fact]
    public async Task An_html_page_instead_of_a_feed_is_not_a_feed_naming_the_feeds_it_advertises_and_the_next_good_poll_recovers() =>
        await scenario.AssertFailsCleanlyAndRecoversAsync(Fault.HtmlPage, "NotAFeed", status: 200, errorMentions: "/rss/tin-moi-nhat.rss");
}
