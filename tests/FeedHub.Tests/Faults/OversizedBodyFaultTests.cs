using Xunit;

namespace FeedHub.Tests.Faults;

/// <summary>Bodies that would exhaust memory: the size limit, counted after decompression, stops them.</summary>
public sealed class OversizedBodyFaultTests : IAsyncLifetime
{
    private FaultScenario scenario = null!;

    public async ValueTask InitializeAsync() => scenario = await FaultScenario.StartAsync();

    public ValueTask DisposeAsync() => scenario.DisposeAsync();

    [Fact]
    public async Task A_never_ending_body_is_too_large_and_the_next_good_poll_recovers() =>
        await scenario.AssertFailsCleanlyAndRecoversAsync(Fault.EndlessBody, "TooLarge", status: null, errorMentions: "limit");

    [Fact]
    public async Task A_gzip_bomb_is_too_large_once_inflated_and_the_next_good_poll_recovers() =>
        await scenario.AssertFailsCleanlyAndRecoversAsync(Fault.GzipBomb, "TooLarge", status: null, errorMentions: "limit");
}
