using FeedHub.Clustering;
using FeedHub.Contracts;
using FeedHub.Normalizing;
using FeedHub.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FeedHub.IntegrationTests.Storage;

public sealed class ItemStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 19, 7, 0, 0, TimeSpan.Zero);
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task New_items_are_stored_each_with_one_pending_published_message(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var source = await database.AddSourceAsync();

        var outcome = await SaveAsync(database, source.Id, Item("a"), Item("b"));

        Assert.Equal(new StoreOutcome(2, 0, 0), outcome);
        await using var db = database.Open();
        Assert.Equal(2, await db.Items.CountAsync(Cancellation));
        var messages = await db.Outbox.ToListAsync(Cancellation);
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal(nameof(FeedItemPublished), m.MessageType));
        Assert.All(messages, m => Assert.Null(m.SentAt));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Known_items_are_not_stored_or_announced_twice(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var source = await database.AddSourceAsync();
        await SaveAsync(database, source.Id, Item("a"), Item("b"));

        var outcome = await SaveAsync(database, source.Id, Item("a"), Item("b"));

        Assert.Equal(new StoreOutcome(0, 0, 2), outcome);
        await using var db = database.Open();
        Assert.Equal(2, await db.Items.CountAsync(Cancellation));
        Assert.Equal(2, await db.Outbox.CountAsync(Cancellation));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_edited_item_is_updated_in_place_and_announced_once(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var source = await database.AddSourceAsync();
        await SaveAsync(database, source.Id, Item("a"));

        var edited = Item("a") with { Title = "Tiêu đề đã sửa", ContentHash = "changed" };
        Assert.Equal(new StoreOutcome(0, 1, 0), await SaveAsync(database, source.Id, edited));
        Assert.Equal(new StoreOutcome(0, 0, 1), await SaveAsync(database, source.Id, edited));

        await using var db = database.Open();
        var stored = await db.Items.SingleAsync(Cancellation);
        Assert.Equal("Tiêu đề đã sửa", stored.Title);
        Assert.Equal(1, await db.Outbox.CountAsync(m => m.MessageType == nameof(FeedItemUpdated), Cancellation));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Duplicate_keys_within_one_poll_are_stored_once(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var source = await database.AddSourceAsync();

        var outcome = await SaveAsync(database, source.Id, Item("a"), Item("a") with { Title = "Bản trùng" });

        Assert.Equal(1, outcome.Added);
        await using var db = database.Open();
        Assert.Equal(1, await db.Items.CountAsync(Cancellation));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_unique_index_rejects_a_second_row_for_the_same_source_and_key(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var source = await database.AddSourceAsync();
        await SaveAsync(database, source.Id, Item("a"));

        // What a second poller that read "not known yet" before the first committed would insert.
        await using var db = database.Open();
        db.Items.Add(new StoredItem { Id = Guid.NewGuid(), SourceId = source.Id, Key = "a", Title = "x", ContentHash = "h" });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Cancellation));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_item_dated_in_the_future_does_not_sort_above_now(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var source = await database.AddSourceAsync();

        await SaveAsync(database, source.Id, Item("a") with { Published = Now.AddDays(3) });

        await using var db = database.Open();
        var stored = await db.Items.SingleAsync(Cancellation);
        Assert.Equal(Now.AddDays(3), stored.PublishedAt);
        Assert.Equal(Now, stored.SortAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_oversized_title_or_link_does_not_lose_the_poll(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var source = await database.AddSourceAsync();
        var huge = Item("huge") with
        {
            Title = new string('T', 5000),
            Link = new Uri("https://news.example.test/" + new string('a', 3000)),
            FeedGuid = new string('g', 3000),
        };

        var outcome = await SaveAsync(database, source.Id, huge, Item("normal"));

        Assert.Equal(2, outcome.Added);
        await using var db = database.Open();
        var stored = await db.Items.SingleAsync(i => i.Key == "huge", Cancellation);
        Assert.Equal(new string('T', FeedHub.Storage.ColumnLimits.Title), stored.Title);
        Assert.Null(stored.Link);
        Assert.Null(stored.FeedGuid);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_weekly_interval_is_kept_as_given(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var source = await database.AddSourceAsync();
        await using (var db = database.Open())
        {
            var stored = await db.Sources.SingleAsync(s => s.Id == source.Id, Cancellation);
            stored.Interval = TimeSpan.FromDays(7);
            await db.SaveChangesAsync(Cancellation);
        }

        await using var reader = database.Open();
        Assert.Equal(TimeSpan.FromDays(7), (await reader.Sources.SingleAsync(s => s.Id == source.Id, Cancellation)).Interval);
    }

    private static async Task<StoreOutcome> SaveAsync(TestDatabase database, Guid sourceId, params NormalizedItem[] items)
    {
        await using var db = database.Open();
        var source = await db.Sources.SingleAsync(s => s.Id == sourceId, Cancellation);
        return await new ItemStore(db, new StoryClusterer(db, Options.Create(new ClusteringOptions()), new FakeTimeProvider(Now)), TestTelemetry.Create(), new FakeTimeProvider(Now)).SaveAsync(source, items, Cancellation);
    }

    private static NormalizedItem Item(string key) => new()
    {
        Key = key,
        FeedGuid = key,
        Link = new Uri($"https://news.example.test/{key}.html"),
        Title = $"Tin {key}",
        Summary = "<p>Tóm tắt</p>",
        Published = Now.AddHours(-1),
        ContentHash = $"hash-{key}",
    };
}
