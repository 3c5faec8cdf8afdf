using System.Text;
using FeedHub.Feeds;
using FeedHub.Sources;
using FeedHub.Storage;

namespace FeedHub.IntegrationTests.Storage;

/// <summary>Paging and keyword filters translate and behave alike on every database.</summary>
public sealed class ItemQueryTests
{
    private static readonly DateTimeOffset Noon = new(2026, 1, 19, 5, 0, 0, TimeSpan.Zero);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pages_cover_every_item_once_through_runs_sharing_a_time(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var sourceId = await SeedAsync(database, Enumerable.Range(0, 450).Select(n => ($"Tin {n}", n < 260 ? Noon : Noon.AddMinutes(-n))));

        var seen = new List<StoredItem>();
        ItemCursor? cursor = null;
        do
        {
            await using var db = database.Open();
            var page = await ItemPager.ReadAsync(db.Items.Where(i => i.SourceId == sourceId), cursor, 37, _ => true, Cancellation);
            seen.AddRange(page.Items);
            cursor = page.Next;
        }
        while (cursor is not null);

        Assert.Equal(450, seen.Count);
        Assert.Equal(450, seen.Select(i => i.Id).Distinct().Count());
        Assert.Equal(seen.Select(i => i.SortAt).OrderByDescending(t => t), seen.Select(i => i.SortAt));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Keyword_filters_match_without_regard_to_case_or_diacritics(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database, [
            ("Thủ tướng chủ trì phiên họp Chính phủ", Noon),
            ("Giá xăng giảm lần thứ ba", Noon.AddMinutes(-1)),
            ("Bão số 3 đổ bộ vào miền Trung", Noon.AddMinutes(-2)),
        ]);
        var definition = new MergedFeedDefinition
        {
            Slug = "thoi-su",
            Title = "Thời sự",
            Include = ["THU TUONG", "Bão".Normalize(NormalizationForm.FormD)],
            Exclude = ["đổ bộ"],
        };

        await using var db = database.Open();
        var selection = await MergedFeedSelection.ResolveAsync(definition, db, Cancellation);
        var page = await ItemPager.ReadAsync(await selection.ApplyAsync(db.Items, Cancellation), null, 10, selection.Matches, Cancellation);

        Assert.Equal(["Thủ tướng chủ trì phiên họp Chính phủ"], page.Items.Select(i => i.Title));
    }

    private static async Task<Guid> SeedAsync(TestDatabase database, IEnumerable<(string Title, DateTimeOffset At)> items)
    {
        await using var db = database.Open();
        var source = new Source { Id = Guid.NewGuid(), Name = "Nguồn", Url = "https://news.example.test/rss", Enabled = false, CreatedAt = Noon };
        db.Sources.Add(source);
        var n = 0;
        foreach (var (title, at) in items)
        {
            var item = new StoredItem
            {
                Id = Guid.NewGuid(),
                SourceId = source.Id,
                Key = $"k{n++}",
                Title = title,
                ContentHash = "h",
                DiscoveredAt = at,
                PublishedAt = at,
                SortAt = at,
            };
            item.SearchText = ItemSearchText.Of(item);
            db.Items.Add(item);
        }

        await db.SaveChangesAsync(Cancellation);
        return source.Id;
    }
}
