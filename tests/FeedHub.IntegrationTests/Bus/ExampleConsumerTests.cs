using System.Collections.Concurrent;
using FeedHub.Contracts;
using FeedHub.ExampleConsumer;
using FeedHub.Tests.EndToEnd;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace FeedHub.IntegrationTests.Bus;

/// <summary>
/// The whole path a consuming service depends on, with a real broker: a local feed, FeedHub polling
/// it and publishing through RabbitMQ, and the example consumer (which references only
/// FeedHub.Contracts) receiving every new item.
/// </summary>
public sealed class ExampleConsumerTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_example_consumer_receives_each_new_item_through_rabbitmq()
    {
        await using var vhost = await RabbitMqVirtualHost.CreateAsync();
        await using var feeds = await TestFeedServer.StartAsync();
        feeds.Publish("vn.xml", VietnameseNewsFeed.Render(VietnameseNewsFeed.FirstEdition));
        var received = new RecordingHandler();
        using var consumer = await StartConsumerAsync(vhost, received);

        var folder = Directory.CreateTempSubdirectory("feedhub-it-").FullName;
        try
        {
            var settings = vhost.FeedHubSettings();
            settings["FeedHub:Sources:0:Url"] = feeds.UrlOf("vn.xml").AbsoluteUri;
            settings["FeedHub:Sources:0:Interval"] = "00:00:00.500";
            settings["FeedHub:Sources:0:TimeZone"] = "Asia/Ho_Chi_Minh";
            await using (var hub = await TestFeedHub.StartAsync(folder, settings, Cancellation))
            {
                await Eventually.HoldsAsync(() => received.Items.Count >= 3, "the consumer received the three items", TimeSpan.FromSeconds(60));
                var requests = feeds.Requests.Count;
                await Eventually.HoldsAsync(() => feeds.Requests.Count >= requests + 3, "three more polls happen");
            }

            Assert.Equal(3, received.Items.Count);
            Assert.Equal(3, received.Items.Select(i => i.ItemId).Distinct().Count());
            Assert.Contains(received.Items, i => i.Item.Title == "Hà Nội công bố kế hoạch chống ngập mùa mưa");
            var exchanges = await RabbitMqCtl.RunAsync("list_exchanges", "-p", vhost.Name, "name", "type");
            Assert.Contains("FeedHub.Contracts:FeedItemPublished\tfanout", exchanges, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Repeated_message_ids_are_recognised()
    {
        var recent = new RecentMessageIds(capacity: 2);
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        Assert.True(recent.TryAdd(a));
        Assert.False(recent.TryAdd(a));
        Assert.True(recent.TryAdd(b));
        Assert.True(recent.TryAdd(c));
        Assert.True(recent.TryAdd(a));
    }

    private static async Task<IHost> StartConsumerAsync(RabbitMqVirtualHost vhost, RecordingHandler handler)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RabbitMq:Host"] = vhost.Broker.Host,
            ["RabbitMq:Port"] = vhost.Broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RabbitMq:VirtualHost"] = vhost.Name,
        });
        builder.Services.AddExampleConsumer(builder.Configuration);
        builder.Services.AddSingleton<IItemHandler>(handler);
        var host = builder.Build();
        await host.StartAsync(Cancellation);

        // The consumer's queue must be bound before FeedHub publishes, or the first items go nowhere.
        var bus = host.Services.GetRequiredService<IBusControl>();
        await Eventually.HoldsAsync(() => bus.CheckHealth().Status == BusHealthStatus.Healthy, "the consumer's bus is connected", TimeSpan.FromSeconds(60));
        return host;
    }

    private sealed class RecordingHandler : IItemHandler
    {
        private readonly ConcurrentQueue<FeedItemPublished> items = new();

        public IReadOnlyList<FeedItemPublished> Items => [.. items];

        public Task HandleAsync(FeedItemPublished item, CancellationToken cancellationToken)
        {
            items.Enqueue(item);
            return Task.CompletedTask;
        }
    }
}
