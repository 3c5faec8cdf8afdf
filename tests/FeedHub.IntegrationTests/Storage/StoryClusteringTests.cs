using System.Text.Json;
using FeedHub.Clustering;
using FeedHub.Contracts;
using FeedHub.Normalizing;
using FeedHub.Publishing;
using FeedHub.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FeedHub.IntegrationTests.Storage;

/// <summary>Items of different outlets telling one story are clustered as they are stored, on every database.</summary>
public sealed class StoryClusteringTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 19, 9, 0, 0, TimeSpan.Zero);
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private const string ExpresswayTitle = "Thủ tướng yêu cầu hoàn thành cao tốc Bắc - Nam trước ngày 31/12";
    private const string ExpresswayLead =
        "<p>Thủ tướng Phạm Minh Chính yêu cầu các bộ, ngành và địa phương dồn sức hoàn thành 3.000 km cao tốc Bắc - Nam phía Đông, bảo đảm thông xe toàn tuyến trước ngày 31/12.</p>";

    private const string GoldTitle = "Giá vàng hôm nay 19/1: vàng miếng SJC tăng 500.000 đồng";
    private const string GoldLead = "<p>Sáng 19/1, giá vàng miếng SJC tăng 500.000 đồng mỗi lượng, lên 84,5 triệu đồng, mức cao nhất trong tháng.</p>";

    private const string Boilerplate =
        "<p>Theo thông tin từ cơ quan chức năng, kế hoạch sẽ được triển khai trong quý tới với sự tham gia của nhiều sở, ngành và người dân địa phương. Mời bạn đọc đón xem các bản tin tiếp theo trên chuyên trang thời sự của báo.</p>";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_second_outlet_telling_the_story_joins_it_and_the_first_is_announced_as_clustered(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var first = await database.AddSourceAsync("https://vnexpress.example.test/rss", "VnExpress");
        var second = await database.AddSourceAsync("https://tuoitre.example.test/rss", "Tuổi Trẻ");

        await SaveAsync(database, first.Id, Item("a", ExpresswayTitle, ExpresswayLead, Now.AddHours(-2)));
        await SaveAsync(database, second.Id, Item(
            "b",
            "THỦ TƯỚNG YÊU CẦU HOÀN THÀNH CAO TỐC BẮC - NAM TRƯỚC NGÀY 31/12",
            ExpresswayLead.Normalize(System.Text.NormalizationForm.FormD).Replace("dồn sức", "tập trung", StringComparison.Ordinal),
            Now.AddHours(-1)));

        await using var db = database.Open();
        var items = await db.Items.AsNoTracking().ToListAsync(Cancellation);
        var clusterId = Assert.Single(items.Select(i => i.ClusterId).Distinct());
        Assert.NotNull(clusterId);
        var cluster = await db.StoryClusters.SingleAsync(Cancellation);
        Assert.Equal(ItemStore.ItemIdFor(first.Id, "a"), cluster.OriginalItemId);
        Assert.Equal("VnExpress", cluster.OriginalOutlet);

        var published = await MessagesAsync<FeedItemPublished>(db);
        Assert.Null(published.Single(m => m.Source.Id == first.Id).Cluster);
        Assert.Equal(clusterId, published.Single(m => m.Source.Id == second.Id).Cluster?.Id);
        var clustered = Assert.Single(await MessagesAsync<FeedItemClustered>(db));
        Assert.Equal(ItemStore.ItemIdFor(first.Id, "a"), clustered.ItemId);
        Assert.Equal(clusterId, clustered.Cluster.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_credit_names_the_original_outlet_and_its_item_over_the_earliest(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var government = await database.AddSourceAsync("https://baochinhphu.example.test/rss", "Báo Chính phủ");
        var early = await database.AddSourceAsync("https://nhanh.example.test/rss", "Tin Nhanh");
        var copier = await database.AddSourceAsync("https://dantri.example.test/rss", "Dân trí");

        await SaveAsync(database, early.Id, Item("x", ExpresswayTitle, ExpresswayLead, Now.AddHours(-3)));
        await SaveAsync(database, government.Id, Item("y", ExpresswayTitle, ExpresswayLead, Now.AddHours(-2)));
        await SaveAsync(database, copier.Id, Item("z", "Cao tốc Bắc - Nam phải thông xe trước ngày 31/12", ExpresswayLead[..^4] + " (Theo Báo Chính phủ)</p>", Now.AddHours(-1)));

        await using var db = database.Open();
        var cluster = await db.StoryClusters.SingleAsync(Cancellation);
        Assert.True(cluster.Credited);
        Assert.Equal("Báo Chính phủ", cluster.OriginalOutlet);
        Assert.Equal(ItemStore.ItemIdFor(government.Id, "y"), cluster.OriginalItemId);
        Assert.Equal(3, await db.Items.CountAsync(i => i.ClusterId == cluster.Id, Cancellation));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_credited_outlets_own_telling_arriving_later_becomes_the_original_and_without_credit_an_earlier_telling_does(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var copier = await database.AddSourceAsync("https://dantri.example.test/rss", "Dân trí");
        var late = await database.AddSourceAsync("https://muon.example.test/rss", "Tin Muộn");
        var government = await database.AddSourceAsync("https://baochinhphu.example.test/rss", "Báo Chính phủ");
        var early = await database.AddSourceAsync("https://som.example.test/rss", "Tin Sớm");

        // Credited story: the copy comes first, the credited outlet's own item later.
        await SaveAsync(database, copier.Id, Item("copy", ExpresswayTitle, ExpresswayLead[..^4] + " (Theo Báo Chính phủ)</p>", Now.AddHours(-2)));
        await SaveAsync(database, late.Id, Item("late", ExpresswayTitle, ExpresswayLead, Now.AddHours(-1)));
        await SaveAsync(database, government.Id, Item("own", ExpresswayTitle, ExpresswayLead, Now.AddMinutes(-30)));

        // Uncredited story: the item stored second was published first.
        await SaveAsync(database, late.Id, Item("gold-late", GoldTitle, GoldLead, Now.AddHours(-1)));
        await SaveAsync(database, early.Id, Item("gold-early", GoldTitle, GoldLead, Now.AddHours(-3)));

        await using var db = database.Open();
        var credited = await db.StoryClusters.SingleAsync(c => c.Credited, Cancellation);
        Assert.Equal(ItemStore.ItemIdFor(government.Id, "own"), credited.OriginalItemId);
        Assert.Equal("Báo Chính phủ", credited.OriginalOutlet);
        var dated = await db.StoryClusters.SingleAsync(c => !c.Credited, Cancellation);
        Assert.Equal(ItemStore.ItemIdFor(early.Id, "gold-early"), dated.OriginalItemId);
        Assert.Equal("Tin Sớm", dated.OriginalOutlet);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Daily_reports_of_different_days_and_an_outlets_own_repost_stay_apart(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var first = await database.AddSourceAsync("https://a.example.test/rss", "Báo A");
        var second = await database.AddSourceAsync("https://b.example.test/rss", "Báo B");

        await SaveAsync(database, first.Id, Item("gold-19", "Giá vàng hôm nay 19/1: vàng miếng SJC tăng 500.000 đồng", "<p>Sáng 19/1, giá vàng miếng SJC tăng 500.000 đồng mỗi lượng, lên 84,5 triệu đồng.</p>", Now.AddHours(-20)));
        await SaveAsync(database, second.Id, Item("gold-20", "Giá vàng hôm nay 20/1: vàng miếng SJC giảm 300.000 đồng", "<p>Sáng 20/1, giá vàng miếng SJC giảm 300.000 đồng mỗi lượng, còn 84,2 triệu đồng.</p>", Now.AddHours(-1)));
        await SaveAsync(database, first.Id, Item("repost", ExpresswayTitle, ExpresswayLead, Now.AddHours(-2)), Item("repost-2", ExpresswayTitle, ExpresswayLead, Now.AddHours(-1)));

        await using var db = database.Open();
        Assert.Equal(0, await db.Items.CountAsync(i => i.ClusterId != null, Cancellation));
        Assert.Empty(await db.StoryClusters.ToListAsync(Cancellation));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Stories_further_apart_than_the_window_are_not_matched_and_old_keys_are_pruned(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var first = await database.AddSourceAsync("https://a.example.test/rss", "Báo A");
        var second = await database.AddSourceAsync("https://b.example.test/rss", "Báo B");

        await SaveAsync(database, first.Id, Item("old", ExpresswayTitle, ExpresswayLead, Now.AddDays(-7)));
        await SaveAsync(database, second.Id, Item("new", ExpresswayTitle, ExpresswayLead, Now.AddHours(-1)));

        await using var db = database.Open();
        Assert.Equal(0, await db.Items.CountAsync(i => i.ClusterId != null, Cancellation));
        var oldId = ItemStore.ItemIdFor(first.Id, "old");
        Assert.Equal(0, await db.StoryKeys.CountAsync(k => k.ItemId == oldId, Cancellation));
        Assert.True(await db.StoryKeys.AnyAsync(k => k.ItemId == ItemStore.ItemIdFor(second.Id, "new"), Cancellation));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_phrase_every_outlet_uses_does_not_hide_the_story_behind_it(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var original = await database.AddSourceAsync("https://vnexpress.example.test/rss", "VnExpress");
        await SaveAsync(database, original.Id, Item("story", ExpresswayTitle, ExpresswayLead + Boilerplate, Now.AddHours(-5)));

        // Newer items of other stories carry the same closing paragraph: each of its keys' newest items are theirs.
        for (var outlet = 0; outlet < 4; outlet++)
        {
            var other = await database.AddSourceAsync($"https://outlet{outlet}.example.test/rss", $"Báo {outlet}");
            await SaveAsync(database, other.Id, Item($"gold-{outlet}", GoldTitle, GoldLead + Boilerplate, Now.AddHours(-4 + outlet)));
        }

        var copy = await database.AddSourceAsync("https://tuoitre.example.test/rss", "Tuổi Trẻ");
        await SaveAsync(database, copy.Id, [Item("copy", ExpresswayTitle, ExpresswayLead + Boilerplate, Now)], new ClusteringOptions { CandidatesPerKey = 2 });

        await using var db = database.Open();
        var clustered = await db.Items.AsNoTracking().Where(i => i.ClusterId != null).Select(i => i.Key).ToListAsync(Cancellation);
        Assert.Contains("copy", clustered);
        Assert.Contains("story", clustered);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_poll_racing_another_to_found_the_same_cluster_stores_its_items_in_that_cluster(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var first = await database.AddSourceAsync("https://vnexpress.example.test/rss", "VnExpress");
        var second = await database.AddSourceAsync("https://tuoitre.example.test/rss", "Tuổi Trẻ");
        var third = await database.AddSourceAsync("https://dantri.example.test/rss", "Dân trí");
        await SaveAsync(database, first.Id, Item("a", ExpresswayTitle, ExpresswayLead, Now.AddHours(-3)));

        // The third outlet's poll has read the unclustered first telling when the second outlet's poll commits a
        // cluster founded on it: both derive the same cluster and the same announcement.
        var rival = new BeforeFirstSave(() => SaveAsync(database, second.Id, Item("b", ExpresswayTitle, ExpresswayLead, Now.AddHours(-2))));
        await using (var db = database.Open(rival))
        {
            var source = await db.Sources.SingleAsync(s => s.Id == third.Id, Cancellation);
            var outcome = await StoreOn(db).SaveAsync(source, [Item("c", ExpresswayTitle, ExpresswayLead, Now.AddHours(-1))], Cancellation);
            Assert.Equal(1, outcome.Added);
        }

        Assert.True(rival.Ran);
        await using var check = database.Open();
        var items = await check.Items.AsNoTracking().ToListAsync(Cancellation);
        Assert.Equal(3, items.Count);
        var clusterId = Assert.Single(items.Select(i => i.ClusterId).Distinct());
        Assert.NotNull(clusterId);
        Assert.Single(await MessagesAsync<FeedItemClustered>(check));
        Assert.Equal(clusterId, (await MessagesAsync<FeedItemPublished>(check)).Single(m => m.Source.Id == third.Id).Cluster?.Id);
    }

    /// <summary>Runs another poll's save once, just before this context writes: the interleaving two workers can produce.</summary>
    private sealed class BeforeFirstSave(Func<Task> rival) : SaveChangesInterceptor
    {
        public bool Ran { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!Ran)
            {
                Ran = true;
                await rival();
            }

            return result;
        }
    }

    private static async Task<List<T>> MessagesAsync<T>(FeedHubDbContext db)
    {
        var rows = await db.Outbox.AsNoTracking().Where(m => m.MessageType == typeof(T).Name).ToListAsync(Cancellation);
        return [.. rows.Select(r => JsonSerializer.Deserialize<T>(r.Payload, OutboxMessageFactory.PayloadOptions)!)];
    }

    private static Task SaveAsync(TestDatabase database, Guid sourceId, params NormalizedItem[] items) =>
        SaveAsync(database, sourceId, items, new ClusteringOptions());

    private static async Task SaveAsync(TestDatabase database, Guid sourceId, NormalizedItem[] items, ClusteringOptions options)
    {
        await using var db = database.Open();
        var source = await db.Sources.SingleAsync(s => s.Id == sourceId, Cancellation);
        await StoreOn(db, options).SaveAsync(source, items, Cancellation);
    }

    private static ItemStore StoreOn(FeedHubDbContext db, ClusteringOptions? options = null)
    {
        var time = new FakeTimeProvider(Now);
        return new ItemStore(db, new StoryClusterer(db, Options.Create(options ?? new ClusteringOptions()), time), TestTelemetry.Create(), time);
    }

    private static NormalizedItem Item(string key, string title, string lead, DateTimeOffset published) => new()
    {
        Key = key,
        Link = new Uri($"https://news.example.test/{key}.html?utm_source=rss"),
        Title = title,
        Summary = lead,
        Published = published,
        ContentHash = $"hash-{key}",
    };
}
