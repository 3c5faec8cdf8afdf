using System.Globalization;
using FeedHub.Tests.EndToEnd;

namespace FeedHub.IntegrationTests.Scale;

/// <summary>
/// Several real worker processes sharing one clustered schedule over PostgreSQL and RabbitMQ, against
/// a local farm of feeds that keep growing. Figures are written to the test output for the record.
/// </summary>
public sealed class ScaleOutTests
{
    private const int Sources = 200;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan MisfireThreshold = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CheckinInterval = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Three_workers_poll_each_source_once_per_interval_survive_a_kill_and_lose_no_item()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var vhost = await RabbitMqVirtualHost.CreateAsync();
        await using var farm = await FeedFarm.StartAsync(Sources, growEvery: TimeSpan.FromSeconds(6));
        await using var counter = await DeliveryCounter.StartAsync(vhost);
        var environment = WorkerEnvironment(database, vhost, farm);

        await MigrateAsync(environment);
        var workers = Enumerable.Range(0, 3).Select(_ => FeedHubProcess.Start(environment, "--urls", "http://127.0.0.1:0")).ToList();
        try
        {
            await Eventually.HoldsAsync(
                () => FetchedSources(farm, TimeSpan.Zero) == Sources,
                "every source has been polled", TimeSpan.FromSeconds(180));

            // Steady state: each source polled once per interval, not once per worker.
            var steadyFrom = farm.Elapsed + Interval;
            await Task.Delay(Interval * 4, TestContext.Current.CancellationToken);
            var steady = FetchesPerSource(farm, steadyFrom, steadyFrom + Interval * 3);

            // A worker dies mid-run; its sources must be picked up by the others.
            var killedAt = farm.Elapsed;
            workers[0].Kill();
            await Task.Delay(Interval * 4, TestContext.Current.CancellationToken);
            var takeover = FirstFetchAfter(farm, killedAt);

            // Polls after the freeze may still show the last item to appear, so "exposed" is read at the end.
            farm.StopGrowing();
            var frozenAt = farm.Elapsed;
            await Eventually.HoldsAsync(
                () => farm.Requests.Where(r => r.At > frozenAt).Select(r => r.Feed).Distinct().Count() == Sources,
                "every source is polled after the farm stopped growing", TimeSpan.FromSeconds(90));
            try
            {
                await Eventually.HoldsAsync(
                    async () => await FeedHubTables.CountItemsAsync(database) == farm.Exposed().Count && counter.DistinctItems == farm.Exposed().Count,
                    "every exposed item is stored and published", TimeSpan.FromSeconds(120));
            }
            catch (TimeoutException ex)
            {
                throw new Xunit.Sdk.XunitException(
                    $"{ex.Message} Exposed {farm.Exposed().Count}, stored {await FeedHubTables.CountItemsAsync(database)}, published {counter.DistinctItems} distinct in {counter.Deliveries.Count} deliveries.\n{workers[1].Output}");
            }

            var storedGuids = await FeedHubTables.StoredGuidsAsync(database);
            var exposed = farm.Exposed();

            Report(steady, takeover, exposed.Count, storedGuids.Count, counter);
            Assert.All(steady.Values, n => Assert.InRange(n, 2, 4));
            Assert.True(steady.Values.Average() is > 2.5 and < 3.5, $"average polls per source over 3 intervals: {steady.Values.Average():0.00}");
            Assert.Equal(Sources, takeover.Count);
            Assert.True(takeover.Values.Max() < Interval + MisfireThreshold + CheckinInterval * 4 + TimeSpan.FromSeconds(10), $"slowest takeover {takeover.Values.Max()}");
            Assert.Equal(exposed.Select(e => FeedFarm.GuidOf(e.Feed, e.Item)).Order(StringComparer.Ordinal), storedGuids.Order(StringComparer.Ordinal));
            Assert.Equal(exposed.Count, counter.DistinctItems);
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.StopAsync();
                TestContext.Current.TestOutputHelper?.WriteLine($"worker {worker.Id} output:\n{worker.Output}");
                worker.Dispose();
            }
        }
    }

    private static Dictionary<string, string> WorkerEnvironment(PostgresDatabase database, RabbitMqVirtualHost vhost, FeedFarm farm)
    {
        var environment = new Dictionary<string, string>
        {
            ["FeedHub__Roles"] = "worker",
            ["FeedHub__Database__Provider"] = "PostgreSql",
            ["FeedHub__Database__MigrateOnStart"] = "false",
            ["ConnectionStrings__FeedHub"] = database.ConnectionString,
            ["FeedHub__Scheduler__Clustered"] = "true",
            ["FeedHub__Scheduler__MisfireThreshold"] = MisfireThreshold.ToString("c", CultureInfo.InvariantCulture),
            ["FeedHub__Scheduler__ClusterCheckinInterval"] = CheckinInterval.ToString("c", CultureInfo.InvariantCulture),
            ["FeedHub__Scheduler__SyncInterval"] = "00:00:05",
            ["FeedHub__Bus__Transport"] = "RabbitMq",
            ["FeedHub__Bus__RabbitMq__Host"] = vhost.Broker.Host,
            ["FeedHub__Bus__RabbitMq__Port"] = vhost.Broker.Port.ToString(CultureInfo.InvariantCulture),
            ["FeedHub__Bus__RabbitMq__VirtualHost"] = vhost.Name,
            ["FeedHub__Fetching__AllowPrivateNetworks"] = "true",

            // The farm stands for many outlets behind one loopback port; per-host politeness would queue them all behind one host.
            ["FeedHub__Fetching__MaxConcurrentPerHost"] = "0",
            ["FeedHub__Fetching__MinDelayPerHost"] = "00:00:00",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__FeedHub"] = "Warning",
        };
        for (var i = 0; i < Sources; i++)
        {
            environment[$"FeedHub__Sources__{i}__Url"] = farm.UrlOf(i).AbsoluteUri;
            environment[$"FeedHub__Sources__{i}__Interval"] = Interval.ToString("c", CultureInfo.InvariantCulture);
        }

        return environment;
    }

    private static async Task MigrateAsync(Dictionary<string, string> environment)
    {
        using var migrate = FeedHubProcess.Start(environment, "migrate");
        await Eventually.HoldsAsync(() => migrate.HasExited, "feedhub migrate finished", TimeSpan.FromSeconds(120));
        Assert.True(migrate.HasExited, migrate.Output);
    }

    private static int FetchedSources(FeedFarm farm, TimeSpan since) =>
        farm.Requests.Where(r => r.At >= since).Select(r => r.Feed).Distinct().Count();

    private static Dictionary<int, int> FetchesPerSource(FeedFarm farm, TimeSpan from, TimeSpan to)
    {
        var counts = Enumerable.Range(0, Sources).ToDictionary(i => i, _ => 0);
        foreach (var request in farm.Requests.Where(r => r.At >= from && r.At < to))
        {
            counts[request.Feed]++;
        }

        return counts;
    }

    private static Dictionary<int, TimeSpan> FirstFetchAfter(FeedFarm farm, TimeSpan moment) =>
        farm.Requests.Where(r => r.At > moment)
            .GroupBy(r => r.Feed)
            .ToDictionary(g => g.Key, g => g.Min(r => r.At) - moment);

    private static void Report(Dictionary<int, int> steady, Dictionary<int, TimeSpan> takeover, int exposed, int stored, DeliveryCounter counter)
    {
        var takeovers = takeover.Values.Order().ToList();
        var report = string.Create(CultureInfo.InvariantCulture,
            $"scale-out: {Sources} sources, interval {Interval.TotalSeconds:0} s, 3 workers; " +
            $"polls per source per interval {steady.Values.Average() / 3:0.00} (min {steady.Values.Min() / 3.0:0.00}, max {steady.Values.Max() / 3.0:0.00}); " +
            $"after SIGKILL every source polled again within p50 {takeovers[takeovers.Count / 2].TotalSeconds:0.0} s, max {takeovers[^1].TotalSeconds:0.0} s; " +
            $"items exposed {exposed}, stored {stored}, published {counter.DistinctItems} distinct in {counter.Deliveries.Count} deliveries ({counter.Duplicates} duplicates)");
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "scale-report.txt"), report + Environment.NewLine);
    }
}
