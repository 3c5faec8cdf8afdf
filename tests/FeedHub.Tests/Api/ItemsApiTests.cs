using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FeedHub.Sources;
using FeedHub.Storage;
using FeedHub.Tests.EndToEnd;
using Xunit;

namespace FeedHub.Tests.Api;

/// <summary>GET /api/items: search without regard to case or diacritics, filters, and keyset paging.</summary>
public sealed class ItemsApiTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 1, 19, 5, 0, 0, TimeSpan.Zero);
    private OperatorApiHost host = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => host = await OperatorApiHost.StartAsync();

    public ValueTask DisposeAsync() => host.DisposeAsync();

    [Theory]
    [InlineData("ha noi", "vn-1001")]
    [InlineData("ĐỘI TUYỂN", "vn-1003")]
    [InlineData("doi tuyen viet nam", "vn-1003")]
    [InlineData("Giá xăng", "vn-1002")]
    public async Task Search_ignores_case_and_diacritics_and_needs_every_word(string q, string feedGuid)
    {
        using var http = host.Client();
        await AddPolledSourceAsync(http);

        var found = await ListAsync(http, $"q={Uri.EscapeDataString(q)}");
        var decomposed = await ListAsync(http, $"q={Uri.EscapeDataString(q.Normalize(NormalizationForm.FormD))}");

        Assert.Equal([feedGuid], Guids(found));
        Assert.Equal([feedGuid], Guids(decomposed));
    }

    [Fact]
    public async Task Words_that_never_appear_together_find_nothing()
    {
        using var http = host.Client();
        await AddPolledSourceAsync(http);

        var found = await ListAsync(http, "q=" + Uri.EscapeDataString("hà nội xăng"));

        Assert.Empty(found.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("\"", 3)]
    [InlineData("-- ' ; * ()", 3)]
    [InlineData("\"ha noi\"*", 1)]
    [InlineData("(ha) noi", 1)]
    [InlineData("NEAR(ha noi)", 0)]
    [InlineData("ha\" OR \"xang", 0)]
    [InlineData("gia xang\" AND \"", 0)]
    [InlineData("oi", 0)]
    public async Task Query_syntax_typed_into_a_search_is_only_punctuation_and_words(string q, int count)
    {
        using var http = host.Client();
        await AddPolledSourceAsync(http);

        var found = await ListAsync(http, $"q={Uri.EscapeDataString(q)}");

        Assert.Equal(count, found.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Paging_a_search_walks_every_match_once()
    {
        await SeedAsync(itemsPerSource: 70, sharingOneTime: 45);
        using var http = host.Client();

        var seen = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await ListAsync(http, "q=TIN+1&limit=3" + (cursor is null ? string.Empty : $"&cursor={cursor}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("next").GetString();
        }
        while (cursor is not null);

        // "1" starts the numbers 1 and 10 to 19 of each source.
        Assert.Equal(22, seen.Count);
        Assert.Equal(22, seen.Select(i => i.GetProperty("id").GetGuid()).Distinct().Count());
        Assert.All(seen, i => Assert.StartsWith("Tin 1", i.GetProperty("title").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Paging_walks_every_item_once_newest_first_even_through_items_sharing_a_time()
    {
        var (first, second) = await SeedAsync(itemsPerSource: 70, sharingOneTime: 45);
        using var http = host.Client();

        var seen = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await ListAsync(http, "limit=7" + (cursor is null ? string.Empty : $"&cursor={cursor}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("next").GetString();
        }
        while (cursor is not null);

        Assert.Equal(140, seen.Count);
        Assert.Equal(140, seen.Select(i => i.GetProperty("id").GetGuid()).Distinct().Count());
        var times = seen.Select(SortTime).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.Equal(70, seen.Count(i => i.GetProperty("sourceId").GetGuid() == first));
        Assert.Contains(seen, i => i.GetProperty("sourceName").GetString() == "Nguồn hai" && i.GetProperty("sourceId").GetGuid() == second);
    }

    [Fact]
    public async Task Source_since_and_feed_narrow_the_list()
    {
        var (first, _) = await SeedAsync(itemsPerSource: 10, sharingOneTime: 0);
        using var http = host.Client();

        var bySource = await ListAsync(http, $"source={first}&limit=100");
        var recent = await ListAsync(http, $"since={Uri.EscapeDataString(Noon.AddMinutes(-3).ToString("O"))}&limit=100");
        var all = await ListAsync(http, "feed=all&limit=100");

        Assert.Equal(10, bySource.GetProperty("items").GetArrayLength());
        Assert.All(bySource.GetProperty("items").EnumerateArray(), i => Assert.Equal(first, i.GetProperty("sourceId").GetGuid()));
        Assert.Equal(4, recent.GetProperty("items").GetArrayLength());
        Assert.Equal(20, all.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("feed=no-such-feed", "feed")]
    public async Task A_bad_query_is_a_400_naming_the_parameter(string query, string field)
    {
        using var http = host.Client();

        using var response = await http.GetAsync(new Uri($"/api/items?{query}", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await OperatorApiHost.ReadAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Items_need_a_key()
    {
        using var http = host.Client(key: null);

        using var response = await http.GetAsync(new Uri("/api/items", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task AddPolledSourceAsync(HttpClient http)
    {
        using var created = await http.PostAsJsonAsync(new Uri("/api/sources", UriKind.Relative),
            new { url = host.Feeds.UrlOf("vn.xml"), interval = "01:00:00", timeZone = "Asia/Ho_Chi_Minh" }, Cancellation);
        await Eventually.HoldsAsync(
            async () => (await ListAsync(http, string.Empty)).GetProperty("items").GetArrayLength() == 3,
            "the feed's three items are stored");
    }

    /// <summary>Two sources, each item a minute older than the last, except a run that shares one time (as undated items of one poll do).</summary>
    private async Task<(Guid First, Guid Second)> SeedAsync(int itemsPerSource, int sharingOneTime)
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await host.Hub.WithDbAsync(async db =>
        {
            db.Sources.Add(new Source { Id = first, Name = "Nguồn một", Url = "https://one.example.test/rss", Enabled = false, CreatedAt = Noon });
            db.Sources.Add(new Source { Id = second, Name = "Nguồn hai", Url = "https://two.example.test/rss", Enabled = false, CreatedAt = Noon });
            foreach (var (sourceId, offset) in new[] { (first, 0), (second, 1) })
            {
                for (var n = 0; n < itemsPerSource; n++)
                {
                    var at = n < sharingOneTime ? Noon.AddHours(-1) : Noon.AddMinutes(-(2 * n) - offset);
                    var item = new StoredItem
                    {
                        Id = Guid.NewGuid(),
                        SourceId = sourceId,
                        Key = $"k{n}",
                        Title = $"Tin {n}",
                        ContentHash = "h",
                        DiscoveredAt = at,
                        PublishedAt = at,
                        SortAt = at,
                    };
                    item.SearchText = ItemSearchText.Of(item);
                    db.Items.Add(item);
                }
            }

            return await db.SaveChangesAsync(Cancellation);
        });
        return (first, second);
    }

    private static DateTimeOffset SortTime(JsonElement item) => item.GetProperty("published").GetDateTimeOffset();

    private static string[] Guids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("guid").GetString()!)];

    private static async Task<JsonElement> ListAsync(HttpClient http, string query) =>
        await OperatorApiHost.ReadAsync(await http.GetAsync(new Uri($"/api/items?{query}", UriKind.Relative), Cancellation));
}
