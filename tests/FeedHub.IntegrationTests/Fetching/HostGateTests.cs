using System.Collections.Concurrent;
using FeedHub.Fetching;
using FeedHub.Fetching.Politeness;
using FeedHub.IntegrationTests.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FeedHub.IntegrationTests.Fetching;

/// <summary>
/// Two workers, each with its own gate and connections, share one database: the per-host limits must
/// hold across them, as they would across worker processes.
/// </summary>
public sealed class HostGateTests
{
    private static readonly Uri Feed = new("https://news.example.test/rss/thoi-su.rss");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Requests_to_one_host_start_at_least_the_delay_apart_across_workers(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var delay = TimeSpan.FromMilliseconds(200);
        var options = new FetchingOptions { MaxConcurrentPerHost = 0, MinDelayPerHost = delay };
        await using var first = Worker(database, options);
        await using var second = Worker(database, options);
        var starts = new ConcurrentBag<DateTimeOffset>();
        var before = TimeProvider.System.GetUtcNow();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await using var pass = await (i % 2 == 0 ? first : second).Gate.EnterAsync(Feed, Cancellation);
            Assert.NotNull(pass);
            starts.Add(TimeProvider.System.GetUtcNow());
        })));

        // Each start is no earlier than the turn it claimed, and turns are the delay apart from the first.
        var sorted = starts.Order().ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            Assert.True(sorted[i] >= before + delay * i - TimeSpan.FromMilliseconds(5), $"start {i} came {sorted[i] - before} after the first could, sooner than {delay * i}");
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task No_more_requests_than_the_limit_are_in_flight_to_one_host_across_workers(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var options = new FetchingOptions { MaxConcurrentPerHost = 2, MinDelayPerHost = TimeSpan.Zero };
        await using var first = Worker(database, options);
        await using var second = Worker(database, options);
        var inFlight = 0;
        var most = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await using var pass = await (i % 2 == 0 ? first : second).Gate.EnterAsync(Feed, Cancellation);
            Assert.NotNull(pass);
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            await Task.Delay(TimeSpan.FromMilliseconds(300), Cancellation);
            Interlocked.Decrement(ref inFlight);
        })));

        // Exactly the limit: never more, and not needlessly one at a time either.
        Assert.Equal(2, most);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_poll_that_gets_no_turn_in_time_is_put_off_and_other_hosts_are_not_held_up(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var options = new FetchingOptions { MaxConcurrentPerHost = 1, MinDelayPerHost = TimeSpan.Zero, HostWaitLimit = TimeSpan.FromSeconds(1) };
        await using var first = Worker(database, options);
        await using var second = Worker(database, options);

        await using var held = await first.Gate.EnterAsync(Feed, Cancellation);
        var putOff = await second.Gate.EnterAsync(Feed, Cancellation);
        await using var otherHost = await second.Gate.EnterAsync(new Uri("https://other.example.test/rss"), Cancellation);

        Assert.NotNull(held);
        Assert.Null(putOff);
        Assert.NotNull(otherHost);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_retry_after_from_the_host_holds_every_worker_off(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var options = new FetchingOptions { MaxConcurrentPerHost = 0, MinDelayPerHost = TimeSpan.FromMilliseconds(1) };
        await using var first = Worker(database, options);
        await using var second = Worker(database, options);
        var pause = TimeSpan.FromMilliseconds(800);

        await first.Gate.HoldOffAsync(Feed, pause, Cancellation);
        var asked = TimeProvider.System.GetUtcNow();
        await using var pass = await second.Gate.EnterAsync(Feed, Cancellation);

        Assert.True(TimeProvider.System.GetUtcNow() - asked >= pause - TimeSpan.FromMilliseconds(100), $"the second worker went ahead after {TimeProvider.System.GetUtcNow() - asked}");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_host_held_off_for_longer_than_the_wait_turns_polls_away_at_once_and_says_until_when(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var options = new FetchingOptions { MaxConcurrentPerHost = 1, MinDelayPerHost = TimeSpan.FromMilliseconds(1) };
        await using var first = Worker(database, options);
        await using var second = Worker(database, options);
        var pause = TimeSpan.FromHours(1);

        await first.Gate.HoldOffAsync(Feed, pause, Cancellation);
        var asked = TimeProvider.System.GetUtcNow();
        var refused = await second.Gate.EnterAsync(Feed, TimeSpan.FromSeconds(5), Cancellation);
        var answeredAfter = TimeProvider.System.GetUtcNow() - asked;
        var freeAt = await second.Gate.NextTurnAsync(Feed, Cancellation);

        Assert.Null(refused);
        Assert.True(answeredAfter < TimeSpan.FromSeconds(4), $"the refusal took {answeredAfter}, as if the gate waited for the turn");
        Assert.NotNull(freeAt);
        // Nothing was claimed: the host's next turn is still the end of the pause, not a delay after it.
        Assert.InRange(freeAt.Value, asked + pause - TimeSpan.FromSeconds(5), asked + pause);
    }

    private static WorkerGate Worker(TestDatabase database, FetchingOptions options)
    {
        var services = new ServiceCollection();
        database.AddTo(services);
        var provider = services.BuildServiceProvider(validateScopes: true);
        return new WorkerGate(provider, new HostGate(provider.GetRequiredService<IServiceScopeFactory>(), Options.Create(options), TimeProvider.System, NullLogger<HostGate>.Instance));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private sealed record WorkerGate(ServiceProvider Provider, HostGate Gate) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Provider.DisposeAsync();
    }
}
