using FeedHub.Clustering;
using FeedHub.Contracts;
using FeedHub.Publishing;
using FeedHub.Storage;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FeedHub.IntegrationTests.Storage;

public sealed class OutboxPublisherTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 19, 7, 0, 0, TimeSpan.Zero);
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pending_messages_are_published_with_their_derived_ids_and_marked_sent(StorageProvider storage)
    {
        await using var database = await TestDatabase.CreateAsync(storage);
        var source = await database.AddSourceAsync();
        await StoreAsync(database, source.Id, "a", "b");
        await using var provider = BuildProvider(database);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        var sent = await CreatePublisher(provider).DrainBatchAsync(Cancellation);

        Assert.Equal(2, sent);
        await using var db = database.Open();
        var messages = await db.Outbox.ToListAsync(Cancellation);
        Assert.All(messages, m => Assert.NotNull(m.SentAt));
        foreach (var message in messages)
        {
            Assert.True(await harness.Published.Any<FeedItemPublished>(p => p.Context.MessageId == message.MessageId, Cancellation));
        }

        Assert.False(await harness.Published.Any<Fault<FeedItemPublished>>(Cancellation));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Messages_already_sent_are_not_published_again(StorageProvider storage)
    {
        await using var database = await TestDatabase.CreateAsync(storage);
        var source = await database.AddSourceAsync();
        await StoreAsync(database, source.Id, "a");
        await using var provider = BuildProvider(database);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var publisher = CreatePublisher(provider);

        Assert.Equal(1, await publisher.DrainBatchAsync(Cancellation));
        Assert.Equal(0, await publisher.DrainBatchAsync(Cancellation));

        Assert.Single(harness.Published.Select<FeedItemPublished>(Cancellation));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_publishers_draining_at_once_send_each_message_once(StorageProvider storage)
    {
        await using var database = await TestDatabase.CreateAsync(storage);
        var source = await database.AddSourceAsync();
        await StoreAsync(database, source.Id, [.. Enumerable.Range(0, 60).Select(i => $"item-{i}")]);
        await using var provider = BuildProvider(database);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var small = Options.Create(new PublishingOptions { BatchSize = 7 });
        var publishers = Enumerable.Range(0, 2).Select(_ => CreatePublisher(provider, small)).ToList();

        await Task.WhenAll(publishers.Select(p => Task.Run(async () =>
        {
            while (await p.DrainBatchAsync(Cancellation) > 0)
            {
            }
        }, Cancellation)));

        var published = harness.Published.Select<FeedItemPublished>(Cancellation).ToList();
        Assert.Equal(60, published.Count);
        Assert.Equal(60, published.Select(p => p.Context.MessageId).Distinct().Count());
        await using var db = database.Open();
        Assert.Equal(0, await db.Outbox.CountAsync(m => m.SentAt == null, Cancellation));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Published_message_carries_the_normalized_item_and_its_source(StorageProvider storage)
    {
        await using var database = await TestDatabase.CreateAsync(storage);
        var source = await database.AddSourceAsync();
        await StoreAsync(database, source.Id, "a");
        await using var provider = BuildProvider(database);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        await CreatePublisher(provider).DrainBatchAsync(Cancellation);

        var published = Assert.Single(harness.Published.Select<FeedItemPublished>(Cancellation)).Context.Message;
        Assert.Equal(ItemStore.ItemIdFor(source.Id, "a"), published.ItemId);
        Assert.Equal("Tin a", published.Item.Title);
        Assert.Equal(new Uri("https://news.example.test/a.html"), published.Item.Link);
        Assert.Equal(source.Id, published.Source.Id);
        Assert.Equal(["vi"], published.Source.Tags);
    }

    private static ServiceProvider BuildProvider(TestDatabase database)
    {
        var services = new ServiceCollection();
        database.AddTo(services);
        services.AddScoped<OutboxDispatcher>();
        services.AddMassTransitTestHarness();
        return services.BuildServiceProvider(validateScopes: true);
    }

    private static OutboxPublisher CreatePublisher(ServiceProvider provider, IOptions<PublishingOptions>? options = null) => new(
        provider.GetRequiredService<IServiceScopeFactory>(),
        new OutboxSignal(),
        options ?? Options.Create(new PublishingOptions()),
        TestTelemetry.Create(),
        new FakeTimeProvider(Now),
        NullLogger<OutboxPublisher>.Instance);

    private static async Task StoreAsync(TestDatabase database, Guid sourceId, params string[] keys)
    {
        await using var db = database.Open();
        var source = await db.Sources.SingleAsync(s => s.Id == sourceId, Cancellation);
        var items = keys.Select(key => new FeedHub.Normalizing.NormalizedItem
        {
            Key = key,
            Link = new Uri($"https://news.example.test/{key}.html"),
            Title = $"Tin {key}",
            ContentHash = key,
        }).ToList();
        await new ItemStore(db, new StoryClusterer(db, Options.Create(new ClusteringOptions()), new FakeTimeProvider(Now)), TestTelemetry.Create(), new FakeTimeProvider(Now)).SaveAsync(source, items, Cancellation);
    }
}
