using FeedHub.Feeds;
using FeedHub.Storage;
using FeedHub.Tests.Storage;
using Microsoft.EntityFrameworkCore;

namespace FeedHub.IntegrationTests.Storage;

/// <summary>
/// Search answers alike on every database, through its index where it has one (the cases are in
/// SearchCorpus, shared with the SQLite unit tests), and PostgreSQL really uses its GIN index.
/// </summary>
public sealed class ItemSearchTests
{
    private static readonly DateTimeOffset Noon = new(2026, 1, 19, 5, 0, 0, TimeSpan.Zero);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_search_case_finds_what_the_matching_rules_say(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        await SearchCorpus.SeedAsync(db, Cancellation);

        Assert.Empty(await SearchCorpus.MismatchesAsync(db, ItemSearch.For(db), Cancellation));
        Assert.Empty(await SearchCorpus.MismatchesAsync(db, new LikeItemSearch(), Cancellation));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Merged_feed_keywords_include_and_exclude_phrases(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        await SearchCorpus.SeedAsync(db, Cancellation);

        Assert.Equal([SearchCorpus.VietnameseInDaNang, SearchCorpus.DaNangFlights], await SearchCorpus.MergedFeedTitlesAsync(db, Cancellation));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Updated_items_are_found_by_their_new_words_only(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var source = await database.AddSourceAsync();
        var item = SearchCorpus.Item(source.Id, "Bão số 3 đổ bộ", Noon, "k");
        await using (var db = database.Open())
        {
            db.Items.Add(item);
            await db.SaveChangesAsync(Cancellation);
        }

        await using (var db = database.Open())
        {
            var stored = await db.Items.SingleAsync(i => i.Id == item.Id, Cancellation);
            stored.Title = "Nắng nóng kéo dài";
            stored.SearchText = ItemSearchText.Of(stored);
            await db.SaveChangesAsync(Cancellation);
        }

        await using (var db = database.Open())
        {
            Assert.Equal(0, await FoundAsync(db, "bao so 3"));
            Assert.Equal(1, await FoundAsync(db, "nang nong"));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pages_of_a_search_cover_every_match_once(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var source = await database.AddSourceAsync();
        await using (var db = database.Open())
        {
            for (var n = 0; n < 300; n++)
            {
                var at = n < 120 ? Noon : Noon.AddMinutes(-n);
                db.Items.Add(SearchCorpus.Item(source.Id, n % 2 == 0 ? $"Việt Nam tin {n}" : $"Thế giới tin {n}", at, $"k{n}"));
            }

            await db.SaveChangesAsync(Cancellation);
        }

        var seen = new List<StoredItem>();
        ItemCursor? cursor = null;
        do
        {
            await using var db = database.Open();
            var query = await ItemSearch.For(db).WithAllAsync(db.Items, SearchPhrase.EachWordOf("viet nam"), Cancellation);
            var page = await ItemPager.ReadAsync(query, cursor, 37, _ => true, Cancellation);
            seen.AddRange(page.Items);
            cursor = page.Next;
        }
        while (cursor is not null);

        Assert.Equal(150, seen.Count);
        Assert.Equal(150, seen.Select(i => i.Id).Distinct().Count());
        Assert.All(seen, i => Assert.StartsWith("Việt Nam", i.Title, StringComparison.Ordinal));
        Assert.Equal(seen.Select(i => i.SortAt).OrderByDescending(t => t), seen.Select(i => i.SortAt));
    }

    [Fact]
    public async Task PostgreSql_answers_searches_and_keyword_filters_from_the_gin_index()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.PostgreSql);
        await using var db = database.Open();
        await SearchCorpus.SeedAsync(db, Cancellation);
        var sourceId = await db.Sources.Select(s => s.Id).SingleAsync(Cancellation);

        // Enough other news that reading the table, or walking the time index, would cost more than GIN.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Items" ("Id", "SourceId", "Key", "Title", "Authors", "Categories", "Enclosures", "ContentHash", "DiscoveredAt", "SortAt", "SearchText")
            SELECT gen_random_uuid(), {sourceId}, 'other-' || n, 'Thế giới ' || n, '[]', '[]', '[]', 'h', now(), now() - n * interval '1 minute', 'the gioi tin ' || n
            FROM generate_series(1, 20000) AS n
            """, Cancellation);
        await db.Database.ExecuteSqlRawAsync("ANALYZE \"Items\"", Cancellation);
        var search = ItemSearch.For(db);
        var definition = new MergedFeedDefinition { Slug = "gia-vang", Title = "Giá vàng", Include = ["giá vàng", "đà nẵng"] };
        var selection = await MergedFeedSelection.ResolveAsync(definition, db, Cancellation);

        await db.Database.OpenConnectionAsync(Cancellation);
        var searchPlan = await PlanAsync(db, (await search.WithAllAsync(db.Items, SearchPhrase.EachWordOf("viet nam"), Cancellation)).OrderByDescending(i => i.SortAt).Take(50));
        var feedPlan = await PlanAsync(db, (await selection.ApplyAsync(db.Items, Cancellation)).OrderByDescending(i => i.SortAt).Take(50));

        Assert.Contains("Bitmap Index Scan on \"IX_Items_SearchText\"", searchPlan, StringComparison.Ordinal);
        Assert.Contains("Bitmap Index Scan on \"IX_Items_SearchText\"", feedPlan, StringComparison.Ordinal);
        Assert.Equal(2, await (await search.WithAllAsync(db.Items, SearchPhrase.EachWordOf("viet nam"), Cancellation)).CountAsync(Cancellation));
    }

    private static async Task<int> FoundAsync(FeedHubDbContext db, string q) =>
        await (await ItemSearch.For(db).WithAllAsync(db.Items, SearchPhrase.EachWordOf(q), Cancellation)).CountAsync(Cancellation);

    private static async Task<string> PlanAsync(FeedHubDbContext db, IQueryable<StoredItem> query)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN " + command.CommandText;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Cancellation);
        while (await reader.ReadAsync(Cancellation))
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}
