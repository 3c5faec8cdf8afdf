using Xunit;

namespace FeedHub.Tests.Faults;

/// <summary>Servers too slow to answer: the fetch's total-time limit stops them, whatever they send.</summary>
public sealed class SlowServerFaultTests : IAsyncLifetime
{
    private FaultScenario scenario = null!;

    public async ValueTask InitializeAsync() => scenario = await FaultScenario.StartAsync();

    public ValueTask DisposeAsync() => scenario.DisposeAsync();

    [Fact]
    public async Task Headers_later_than_the_timeout_are_a_timeout_and_the_next_good_poll_recovers() =>
        await scenario.AssertFailsCleanlyAndRecoversAsync(Fault.SlowHeaders, "Timeout", status: null, errorMentions: "within 2 s");

    [Fact]
    public async Task A_body_at_one_byte_per_second_is_stopped_by_the_total_time_limit() =>

        // Each byte arrives well within any read timeout; only a limit on the whole request ends this.
        await scenario.AssertFailsCleanlyAndRecoversAsync(Fault.TrickleBody, "Timeout", status: null, errorMentions: "within 2 s");
}
