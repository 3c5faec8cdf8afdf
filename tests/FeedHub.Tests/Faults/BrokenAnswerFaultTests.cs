using Xunit;

namespace FeedHub.Tests.Faults;

/// <summary>Answers that never become a feed: a redirect loop, a connection reset halfway through the body.</summary>
public sealed class BrokenAnswerFaultTests : IAsyncLifetime
{
    private FaultScenario scenario = null!;

    public async ValueTask InitializeAsync() => scenario = await FaultScenario.StartAsync();

    public ValueTask DisposeAsync() => scenario.DisposeAsync();

    [Fact]
    public async Task A_redirect_loop_is_too_many_redirects_and_the_next_good_poll_recovers() =>
        await scenario.AssertFailsCleanlyAndRecoversAsync(Fault.RedirectLoop, "TooManyRedirects", status: null, errorMentions: "redirect");

    [Fact]
    public async Task A_connection_reset_mid_body_is_a_network_failure_and_the_next_good_poll_recovers() =>
        await scenario.AssertFailsCleanlyAndRecoversAsync(Fault.ResetMidBody, "Network", status: null, errorMentions: "127.0.0.1");
}
