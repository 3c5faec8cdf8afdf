using System.Diagnostics;
using System.Globalization;
using System.Net;
using FeedHub.Tests.EndToEnd;

namespace FeedHub.IntegrationTests.Scale;

/// <summary>
/// RabbitMQ goes away for 30 s while FeedHub keeps polling and serving; when it returns, everything
/// stored in the meantime is published and nothing is lost.
/// </summary>
public sealed class BrokerOutageTests
{
    private const int Sources = 20;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Items_stored_while_the_broker_is_down_are_published_when_it_returns()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var vhost = await RabbitMqVirtualHost.CreateAsync();
        await using var farm = await FeedFarm.StartAsync(Sources, growEvery: TimeSpan.FromSeconds(3));
        await using var counter = await DeliveryCounter.StartAsync(vhost);
        var port = FreePort();
        using var service = FeedHubProcess.Start(Environment(database, vhost, farm), "--urls", $"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        var outageServed = 0;
        var outageFailures = new List<string>();
        try
        {
            await Eventually.HoldsAsync(() => counter.DistinctItems >= Sources, "the first items are published", TimeSpan.FromSeconds(90));

            await RabbitMqCtl.RunAsync("stop_app");
            var brokerDown = farm.Elapsed;
            try
            {
                var clock = Stopwatch.StartNew();
                while (clock.Elapsed < Outage)
                {
                    foreach (var path in new[] { "/healthz", "/feeds/all.atom" })
                    {
                        try
                        {
                            using var response = await http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
                            if (response.StatusCode == HttpStatusCode.OK)
                            {
                                outageServed++;
                            }
                            else
                            {
                                outageFailures.Add($"{path}: {(int)response.StatusCode}");
                            }
                        }
                        catch (HttpRequestException ex)
                        {
                            outageFailures.Add($"{path}: {ex.Message}");
                        }
                    }

                    await Task.Delay(1000, TestContext.Current.CancellationToken);
                }
            }
            finally
            {
                await RabbitMqCtl.RunAsync("start_app");
            }

            var brokerBack = farm.Elapsed;
            var polledDuringOutage = farm.Requests.Count(r => r.At > brokerDown && r.At < brokerBack);
            farm.StopGrowing();
            var frozenAt = farm.Elapsed;
            await Eventually.HoldsAsync(
                () => farm.Requests.Where(r => r.At > frozenAt).Select(r => r.Feed).Distinct().Count() == Sources,
                "every source is polled after the farm stopped growing", TimeSpan.FromSeconds(90));
            var recovery = Stopwatch.StartNew();
            try
            {
                await Eventually.HoldsAsync(
                    () => counter.DistinctItems == farm.Exposed().Count,
                    "every exposed item is published after the broker returns", TimeSpan.FromSeconds(120));
            }
            catch (TimeoutException ex)
            {
                throw new Xunit.Sdk.XunitException(
                    $"{ex.Message} Exposed {farm.Exposed().Count}, stored {await FeedHubTables.CountItemsAsync(database)}, pending {await FeedHubTables.CountPendingAsync(database)}, published {counter.DistinctItems} distinct in {counter.Deliveries.Count} deliveries; " +
                    $"during the outage {outageServed} HTTP answers ok, failures: {string.Join("; ", outageFailures.Take(5))}");
            }

            var recovered = recovery.Elapsed;
            var exposed = farm.Exposed();
            var stored = await FeedHubTables.CountItemsAsync(database);

            var report = string.Create(CultureInfo.InvariantCulture,
                $"broker outage: {Outage.TotalSeconds:0} s; polls during outage {polledDuringOutage}; HTTP answers during outage {outageServed} ok, {outageFailures.Count} failed; " +
                $"items exposed {exposed.Count}, stored {stored}, published {counter.DistinctItems} distinct in {counter.Deliveries.Count} deliveries; all published {recovered.TotalSeconds:0.0} s after the broker returned");
            TestContext.Current.TestOutputHelper?.WriteLine(report);
            File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "scale-report.txt"), report + System.Environment.NewLine);

            Assert.Empty(outageFailures);
            Assert.True(polledDuringOutage >= Sources, $"polling went on during the outage ({polledDuringOutage} polls)");
            Assert.Equal(exposed.Count, stored);
            Assert.Equal(exposed.Count, counter.DistinctItems);
        }
        finally
        {
            await service.StopAsync();
            TestContext.Current.TestOutputHelper?.WriteLine($"service output:\n{service.Output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Dictionary<string, string> Environment(PostgresDatabase database, RabbitMqVirtualHost vhost, FeedFarm farm)
    {
        var environment = new Dictionary<string, string>
        {
            ["FeedHub__Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__FeedHub"] = database.ConnectionString,
            ["FeedHub__Bus__Transport"] = "RabbitMq",
            ["FeedHub__Bus__RabbitMq__Host"] = vhost.Broker.Host,
            ["FeedHub__Bus__RabbitMq__Port"] = vhost.Broker.Port.ToString(CultureInfo.InvariantCulture),
            ["FeedHub__Bus__RabbitMq__VirtualHost"] = vhost.Name,
            ["FeedHub__Publishing__PublishTimeout"] = "00:00:05",
            ["FeedHub__Publishing__MaxRetryDelay"] = "00:00:05",
            ["FeedHub__Fetching__AllowPrivateNetworks"] = "true",

            // The farm stands for many outlets behind one loopback port; per-host politeness would queue them all behind one host.
            ["FeedHub__Fetching__MaxConcurrentPerHost"] = "0",
            ["FeedHub__Fetching__MinDelayPerHost"] = "00:00:00",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        for (var i = 0; i < Sources; i++)
        {
            environment[$"FeedHub__Sources__{i}__Url"] = farm.UrlOf(i).AbsoluteUri;
            environment[$"FeedHub__Sources__{i}__Interval"] = "00:00:02";
        }

        return environment;
    }
}
