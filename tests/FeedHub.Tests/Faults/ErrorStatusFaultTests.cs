using Xunit;

namespace FeedHub.Tests.Faults;

/// <summary>Servers that answer, with an error: a storm of 5xx, and 429 with Retry-After.</summary>
public sealed class ErrorStatusFaultTests : IAsyncLifetime
{
    private FaultScenario scenario = null!;

    public async ValueTask InitializeAsync() => scenario = await FaultScenario.StartAsync();

    public ValueTask DisposeAsync() => scenario.DisposeAsync();

    [Fact]
    public async Task A_storm_of_500_502_and_503_counts_every_failure_and_the_next_good_poll_recovers()
    {
        // Six polls: 500, 502, 503, 500, 502, 503. The last one is what the health shows.
        var health = await scenario.AssertFailsCleanlyAndRecoversAsync(Fault.ServerErrorStorm, "ServerError", status: 503, errorMentions: "HTTP 503", failingPolls: 6);

        Assert.Equal(6, health.GetProperty("consecutiveFailures").GetInt32());
    }

    [Fact]
    public async Task A_429_with_retry_after_is_rate_limited_with_its_status_and_the_next_good_poll_recovers() =>
        await scenario.AssertFailsCleanlyAndRecoversAsync(Fault.RateLimited, "RateLimited", status: 429, errorMentions: "HTTP 429");
}
