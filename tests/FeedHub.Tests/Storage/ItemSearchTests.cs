using FeedHub.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace FeedHub.Tests.Storage;

/// <summary>
/// Search on SQLite through the FTS5 index, and through the LIKE form SQL Server uses, which must
/// agree case for case; PostgreSQL runs the same corpus in FeedHub.IntegrationTests.
/// </summary>
public sealed class ItemSearchTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("feedhub-search-").FullName;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await using var db = Open();
        await db.Database.MigrateAsync(Cancellation);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData("fts5")]
    [InlineData("like")]
    public async Task Every_search_case_finds_what_the_matching_rules_say(string kind)
    {
        await using var db = Open();
        await SearchCorpus.SeedAsync(db, Cancellation);

        Assert.Empty(await SearchCorpus.MismatchesAsync(db, Search(db, kind), Cancellation));
    }

    [Fact]
    public async Task Merged_feed_keywords_include_and_exclude_phrases()
    {
        await using var db = Open();
        await SearchCorpus.SeedAsync(db, Cancellation);

        Assert.Equal([SearchCorpus.VietnameseInDaNang, SearchCorpus.DaNangFlights], await SearchCorpus.MergedFeedTitlesAsync(db, Cancellation));
    }

    [Fact]
    public async Task Updated_items_are_found_by_their_new_words_only_and_deleted_ones_not_at_all()
    {
        Guid id;
        await using (var db = Open())
        {
            var source = new FeedHub.Sources.Source { Id = Guid.NewGuid(), Name = "Nguồn", Url = "https://news.example.test/rss", Enabled = false };
            db.Sources.Add(source);
            var item = SearchCorpus.Item(source.Id, "Bão số 3 đổ bộ", DateTimeOffset.UnixEpoch, "k");
            db.Items.Add(item);
            await db.SaveChangesAsync(Cancellation);
            id = item.Id;
        }

        await using (var db = Open())
        {
            var item = await db.Items.SingleAsync(i => i.Id == id, Cancellation);
            item.Title = "Nắng nóng kéo dài";
            item.SearchText = ItemSearchText.Of(item);
            await db.SaveChangesAsync(Cancellation);
        }

        await using (var db = Open())
        {
            Assert.Equal(0, await Found(db, "bao so 3"));
            Assert.Equal(1, await Found(db, "nang nong"));

            db.Items.Remove(await db.Items.SingleAsync(i => i.Id == id, Cancellation));
            await db.SaveChangesAsync(Cancellation);
            Assert.Equal(0, await Found(db, "nang nong"));
        }

        await using (var db = Open())
        {
            // The FTS5 index agrees with its content table after all of that.
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"ItemsSearch\"(\"ItemsSearch\", rank) VALUES ('integrity-check', 1);", Cancellation);
        }
    }

    [Fact]
    public async Task Items_stored_with_the_old_search_text_get_the_new_one_and_are_indexed()
    {
        await using (var db = Open())
        {
            await SearchCorpus.SeedAsync(db, Cancellation);

            // What the migration does to rows of earlier versions: no search text, for the initializer to write.
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Items\" SET \"SearchText\" = NULL;", Cancellation);
            Assert.Equal(0, await Found(db, "viet nam"));
        }

        await using (var db = Open())
        {
            await new DatabaseInitializer(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<DatabaseInitializer>.Instance).MigrateAsync(Cancellation);
        }

        await using (var db = Open())
        {
            Assert.Equal(2, await Found(db, "viet nam"));
            Assert.Equal("viet nam thang thai lan", await db.Items.Where(i => i.Title == SearchCorpus.VietNamWins).Select(i => i.SearchText).SingleAsync(Cancellation));
        }
    }

    [Fact]
    public async Task The_query_is_answered_from_the_fts5_index()
    {
        await using var db = Open();
        var query = (await ItemSearch.For(db).WithAllAsync(db.Items, SearchPhrase.EachWordOf("viet nam"), Cancellation))
            .OrderByDescending(i => i.SortAt).Take(50);
        await using var command = query.CreateDbCommand();
        await db.Database.OpenConnectionAsync(Cancellation);
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Cancellation))
        {
            while (await reader.ReadAsync(Cancellation))
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, step => step.Contains("ItemsSearch VIRTUAL TABLE INDEX", StringComparison.Ordinal));
        Assert.DoesNotContain("MATCH 'viet", command.CommandText, StringComparison.Ordinal); // a parameter, not text
    }

    [Fact]
    public async Task A_word_in_most_items_is_matched_by_walking_the_newest_items_with_the_same_rule()
    {
        await using var db = Open();
        var source = new FeedHub.Sources.Source { Id = Guid.NewGuid(), Name = "Nguồn", Url = "https://news.example.test/rss", Enabled = false };
        db.Sources.Add(source);
        for (var n = 0; n < Fts5ItemSearch.CommonMatches + 6; n++)
        {
            db.Items.Add(SearchCorpus.Item(source.Id, n % 500 == 0 ? $"Vietnamese {n}" : $"Việt Nam {n}", DateTimeOffset.UnixEpoch.AddMinutes(n), $"k{n}"));
        }

        db.Items.Add(SearchCorpus.Item(source.Id, "Quiet Việt", DateTimeOffset.UnixEpoch, "quiet"));
        await db.SaveChangesAsync(Cancellation);
        var search = ItemSearch.For(db);

        var common = await search.WithAllAsync(db.Items, SearchPhrase.EachWordOf("viet nam"), Cancellation);
        var rare = await search.WithAllAsync(db.Items, SearchPhrase.EachWordOf("vietnamese"), Cancellation);

        Assert.DoesNotContain("ItemsSearch", common.ToQueryString(), StringComparison.Ordinal);
        Assert.Contains("ItemsSearch", rare.ToQueryString(), StringComparison.Ordinal);
        Assert.Equal(Fts5ItemSearch.CommonMatches + 1, await common.CountAsync(Cancellation));
        Assert.Equal(5, await rare.CountAsync(Cancellation));
        Assert.Equal(Fts5ItemSearch.CommonMatches + 7, await (await search.WithAllAsync(db.Items, SearchPhrase.EachWordOf("viet"), Cancellation)).CountAsync(Cancellation));
    }

    [Fact]
    public async Task Sql_server_searches_words_starting_with_a_pattern_given_as_a_parameter()
    {
        using var db = new SqlServerFeedHubDbContext(new DbContextOptionsBuilder<SqlServerFeedHubDbContext>()
            .UseSqlServer("Server=127.0.0.1,1;Database=feedhub;Connect Timeout=1").Options);
        var search = ItemSearch.For(db);
        var all = (await search.WithAllAsync(db.Items, SearchPhrase.EachWordOf("viet' nam"), Cancellation)).ToQueryString();
        var any = (await search.WithAnyAsync(db.Items, SearchPhrase.AllOf(["giá vàng", "đà nẵng"]), Cancellation)).ToQueryString();

        Assert.IsType<LikeItemSearch>(search);
        Assert.Contains("N' ' + [i].[SearchText] LIKE @", all, StringComparison.Ordinal);
        Assert.Contains("nvarchar(4000) = N'% viet%'", all, StringComparison.Ordinal); // the quote typed is gone
        Assert.Contains("nvarchar(4000) = N'% nam%'", all, StringComparison.Ordinal);
        Assert.Contains("nvarchar(4000) = N'% gia vang%'", any, StringComparison.Ordinal);
        Assert.Contains(" OR N' ' + [i].[SearchText] LIKE @", any, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_text_is_folded_words_between_single_spaces()
    {
        var item = SearchCorpus.Item(Guid.NewGuid(), "  “Đà Nẵng”: giá-vàng\ttăng 7,5%… (NÓNG)!", DateTimeOffset.UnixEpoch, "k");
        item.Categories = ["Kinh tế"];
        item.Authors = [new Contracts.FeedAuthor("Lê Văn Tám")];

        Assert.Equal("da nang gia vang tang 7 5 nong kinh te le van tam", ItemSearchText.Of(item));
    }

    [Fact]
    public void Search_text_that_is_too_long_is_cut_between_words()
    {
        var item = SearchCorpus.Item(Guid.NewGuid(), string.Join(' ', Enumerable.Repeat("abcdefg", 1000)), DateTimeOffset.UnixEpoch, "k");

        var text = ItemSearchText.Of(item);

        Assert.True(text.Length <= ItemSearchText.MaxLength);
        Assert.All(text.Split(' '), word => Assert.Equal("abcdefg", word));
    }

    private static ItemSearch Search(FeedHubDbContext db, string kind) => kind == "like" ? new LikeItemSearch() : ItemSearch.For(db);

    private static async Task<int> Found(FeedHubDbContext db, string q) =>
        await (await ItemSearch.For(db).WithAllAsync(db.Items, SearchPhrase.EachWordOf(q), Cancellation)).CountAsync(Cancellation);

    private SqliteFeedHubDbContext Open() => new(new DbContextOptionsBuilder<SqliteFeedHubDbContext>()
        .UseSqlite($"Data Source={Path.Combine(folder, "feedhub.db")}").Options);
}
