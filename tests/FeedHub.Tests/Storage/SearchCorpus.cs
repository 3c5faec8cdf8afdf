using System.Text;
using FeedHub.Feeds;
using FeedHub.Sources;
using FeedHub.Storage;
using Microsoft.EntityFrameworkCore;

namespace FeedHub.Tests.Storage;

/// <summary>
/// A few items and what searches must find among them, shared by the SQLite tests here and the
/// PostgreSQL (and SQL Server) tests in FeedHub.IntegrationTests, so every database answers alike.
/// </summary>
internal static class SearchCorpus
{
    public const string VietNamWins = "Việt Nam thắng Thái Lan";
    public static readonly string VietnameseInDaNang = "Người Việt Nam ở Đà Nẵng".Normalize(NormalizationForm.FormD);
    public const string DaNangFlights = "Đà Nẵng mở đường bay mới";
    public const string Cuisine = "Vietnamese cuisine abroad";
    public const string HaNam = "Hà Nam có mưa lớn";
    public const string GoldPrice = "Giá vàng tăng mạnh";
    public const string CheapGold = "Vàng giá rẻ";
    public const string QuietNight = "Quiet night in the city";
    public const string Economy = "Kinh tế quý 3/2026 tăng 7,5%";

    public static readonly string[] Titles = [VietNamWins, VietnameseInDaNang, DaNangFlights, Cuisine, HaNam, GoldPrice, CheapGold, QuietNight, Economy];

    private static readonly DateTimeOffset Noon = new(2026, 1, 19, 5, 0, 0, TimeSpan.Zero);

    private static readonly string[] Viet = [VietNamWins, VietnameseInDaNang, Cuisine];
    private static readonly string[] VietNam = [VietNamWins, VietnameseInDaNang];

    /// <summary>GET /api/items?q=: every word a word start, any order; hostile text is only words.</summary>
    public static readonly (string Query, string[] Finds)[] Queries =
    [
        ("viet nam", VietNam),
        ("nam viet", VietNam),
        ("VIỆT NAM", VietNam),
        ("Việt Nam".Normalize(NormalizationForm.FormD), VietNam),
        ("da nang", [VietnameseInDaNang, DaNangFlights]),
        ("ĐÀ NẴNG", [VietnameseInDaNang, DaNangFlights]),
        ("viet", Viet),
        ("nam", [VietNamWins, VietnameseInDaNang, HaNam]),
        ("iet", []),
        ("ang", []),
        ("thai lan", [VietNamWins]),
        ("gia vang", [GoldPrice, CheapGold]),
        ("2026", [Economy]),
        ("7,5", [Economy]),
        ("\"", Titles),
        ("", Titles),
        ("   ", Titles),
        ("*** () -", Titles),
        ("\"viet", Viet),
        ("viet\"", Viet),
        ("viet*", Viet),
        ("-viet", Viet),
        ("^viet", Viet),
        ("(viet)", Viet),
        ("viet + nam", VietNam),
        ("viet AND nam", []),
        ("viet OR nam", []),
        ("NEAR(viet nam)", []),
        ("viet\" OR \"nam", []),
        ("SearchText:viet", []),
        ("{SearchText}: viet", []),
        ("'; DROP TABLE Items; --", []),
        ("%", Titles),
        ("_iet", []),
        ("[v]iet", []),
        (new string('a', 10_000), []),
        (string.Join(' ', Enumerable.Repeat("viet nam", 500)), VietNam),
    ];

    /// <summary>Merged-feed include keywords: phrases (words adjacent, in order, the last a word start), any of them.</summary>
    public static readonly (string[] Keywords, string[] Finds)[] Includes =
    [
        (["giá vàng"], [GoldPrice]),
        (["gia va"], [GoldPrice]),
        (["vang gia"], [CheapGold]),
        (["Việt Nam"], VietNam),
        (["nam viet"], []),
        (["tang 7"], [Economy]),
        (["đà nẵng", "THÁI LAN"], [VietNamWins, VietnameseInDaNang, DaNangFlights]),
        (["\"", "***"], Titles),
        (["\"viet nam\" OR cuisine"], []),
    ];

    /// <summary>Merged-feed exclude keywords: items with any of the phrases are left out.</summary>
    public static readonly (string[] Keywords, string[] Finds)[] Excludes =
    [
        (["viet nam"], [.. Titles.Except(VietNam)]),
        (["gia vang", "cuisine"], [.. Titles.Except([GoldPrice, Cuisine])]),
        (["nam viet"], Titles),
    ];

    public static async Task SeedAsync(FeedHubDbContext db, CancellationToken cancellationToken)
    {
        var source = new Source { Id = Guid.NewGuid(), Name = "Nguồn", Url = $"https://{Guid.NewGuid():N}.example.test/rss", Enabled = false, CreatedAt = Noon };
        db.Sources.Add(source);
        var n = 0;
        foreach (var title in Titles)
        {
            db.Items.Add(Item(source.Id, title, Noon.AddMinutes(-n), $"search-{n++}"));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public static StoredItem Item(Guid sourceId, string title, DateTimeOffset at, string key)
    {
        var item = new StoredItem
        {
            Id = Guid.NewGuid(),
            SourceId = sourceId,
            Key = key,
            Title = title,
            ContentHash = "h",
            DiscoveredAt = at,
            PublishedAt = at,
            SortAt = at,
        };
        item.SearchText = ItemSearchText.Of(item);
        return item;
    }

    /// <summary>Every case that <paramref name="search"/> gets wrong, described; empty when all are right.</summary>
    public static async Task<List<string>> MismatchesAsync(FeedHubDbContext db, ItemSearch search, CancellationToken cancellationToken)
    {
        var wrong = new List<string>();
        foreach (var (query, finds) in Queries)
        {
            await CheckAsync($"q={Shown(query)}", await search.WithAllAsync(db.Items, SearchPhrase.EachWordOf(query), cancellationToken), finds);
        }

        foreach (var (keywords, finds) in Includes)
        {
            await CheckAsync($"include {string.Join(" | ", keywords)}", await search.WithAnyAsync(db.Items, SearchPhrase.AllOf(keywords), cancellationToken), finds);
        }

        foreach (var (keywords, finds) in Excludes)
        {
            await CheckAsync($"exclude {string.Join(" | ", keywords)}", await search.WithNoneAsync(db.Items, SearchPhrase.AllOf(keywords), cancellationToken), finds);
        }

        return wrong;

        async Task CheckAsync(string what, IQueryable<StoredItem> query, string[] expected)
        {
            var found = await query.Select(i => i.Title).ToListAsync(cancellationToken);
            var want = expected.Order(StringComparer.Ordinal).ToList();
            var got = found.Order(StringComparer.Ordinal).ToList();
            if (!want.SequenceEqual(got))
            {
                wrong.Add($"{what}: expected [{string.Join(", ", want)}] but found [{string.Join(", ", got)}]");
            }
        }
    }

    /// <summary>A merged feed's include and exclude keywords, applied together through the pager.</summary>
    public static async Task<List<string>> MergedFeedTitlesAsync(FeedHubDbContext db, CancellationToken cancellationToken)
    {
        var definition = new MergedFeedDefinition { Slug = "viet-nam", Title = "Việt Nam", Include = ["viet nam", "Đà Nẵng"], Exclude = ["THÁI LAN"] };
        var selection = await MergedFeedSelection.ResolveAsync(definition, db, cancellationToken);
        var page = await ItemPager.ReadAsync(await selection.ApplyAsync(db.Items, cancellationToken), null, 10, selection.Matches, cancellationToken);
        return [.. page.Items.Select(i => i.Title)];
    }

    private static string Shown(string query) => query.Length > 40 ? $"{query[..40]}… ({query.Length} chars)" : query;
}
