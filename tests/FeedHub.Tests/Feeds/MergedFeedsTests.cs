using System.Net;
using System.Net.Http.Json;
using System.Text;
using FeedHub.Contracts;
using FeedHub.Sources;
using FeedHub.Tests.EndToEnd;
using MassTransit;
using Xunit;

namespace FeedHub.Tests.Feeds;

/// <summary>Readers' /feeds/{slug} outputs on a whole running service, over items stored in its database.</summary>
public sealed class MergedFeedsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Morning = new(2026, 1, 19, 6, 35, 0, TimeSpan.Zero);
    private readonly Source vietnamese = StoredNews.Source("BaoThu", "vi", language: "vi");
    private readonly Source english = StoredNews.Source("Wire", "en", language: "en");
    private readonly Source saigon = StoredNews.Source("SaigonTimes", "en", timeZone: "Asia/Saigon");
    private FeedsHub hub = null!;
    private HttpClient http = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>A list for a definition's JSON; a params array is built per call, as the analyzers want.</summary>
    private static T[] Words<T>(params T[] words) => words;

    public async ValueTask InitializeAsync()
    {
        hub = await FeedsHub.StartAsync(Cancellation);
        http = hub.Client();
        await hub.SeedAsync(
            vietnamese, english, saigon,
            StoredNews.Item(vietnamese, "Thủ tướng chủ trì phiên họp Chính phủ", Morning, ["Thời sự"], "<p>Tóm tắt <b>phiên họp</b></p><script>alert(1)</script>"),
            StoredNews.Item(vietnamese, "Bão số 3 đổ bộ vào miền Trung", Morning.AddMinutes(-10), ["Thời sự"]),
            StoredNews.Item(vietnamese, "Đội tuyển Việt Nam thắng đậm", Morning.AddMinutes(-20), ["Thể thao"]),
            StoredNews.Item(english, "Markets rally in Asia", Morning.AddMinutes(-30), ["Business"]),
            StoredNews.Item(saigon, "Port traffic rises", Morning.AddMinutes(-40)));
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await hub.DisposeAsync();
    }

    public static TheoryData<object, string[]> Filters => new()
    {
        { new { slug = "f", tags = Words("vi") }, ["Thủ tướng chủ trì phiên họp Chính phủ", "Bão số 3 đổ bộ vào miền Trung", "Đội tuyển Việt Nam thắng đậm"] },
        { new { slug = "f", tags = Words("VI"), exclude = Words("BAO SO 3") }, ["Thủ tướng chủ trì phiên họp Chính phủ", "Đội tuyển Việt Nam thắng đậm"] },
        { new { slug = "f", include = Words("thu tuong") }, ["Thủ tướng chủ trì phiên họp Chính phủ"] },
        { new { slug = "f", include = Words("Thủ tướng".Normalize(NormalizationForm.FormD)) }, ["Thủ tướng chủ trì phiên họp Chính phủ"] },
        { new { slug = "f", include = Words("doi tuyen", "markets") }, ["Đội tuyển Việt Nam thắng đậm", "Markets rally in Asia"] },
        { new { slug = "f", categories = Words("the thao") }, ["Đội tuyển Việt Nam thắng đậm"] },
        { new { slug = "f", language = "en-US" }, ["Markets rally in Asia"] },
        { new { slug = "f", limit = 2 }, ["Thủ tướng chủ trì phiên họp Chính phủ", "Bão số 3 đổ bộ vào miền Trung"] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task A_definition_selects_its_items(object definition, string[] titles)
    {
        using var created = await http.PostAsJsonAsync(new Uri("/api/feeds", UriKind.Relative), definition, Cancellation);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var feed = await FeedsHub.ReadAsync(await http.GetAsync(new Uri("/feeds/f.json", UriKind.Relative), Cancellation));

        Assert.Equal(titles, feed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task A_definition_selects_sources_by_id()
    {
        using var created = await http.PostAsJsonAsync(new Uri("/api/feeds", UriKind.Relative), new { slug = "wire", sourceIds = Words(english.Id, saigon.Id) }, Cancellation);

        var feed = await FeedsHub.ReadAsync(await http.GetAsync(new Uri("/feeds/wire.json", UriKind.Relative), Cancellation));

        Assert.Equal(["Markets rally in Asia", "Port traffic rises"], feed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task The_configured_all_feed_carries_its_new_title_and_every_item()
    {
        using var response = await http.GetAsync(new Uri("/feeds/all.rss", UriKind.Relative), Cancellation);
        var xml = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Contains("<title>Tất cả tin</title>", xml, StringComparison.Ordinal);
        Assert.Equal(5, xml.Split("<item>").Length - 1);
        Assert.Contains("<dc:creator>BaoThu</dc:creator>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_feed_is_404_without_its_token_and_served_privately_with_it()
    {
        var created = await FeedsHub.ReadAsync(await http.PostAsJsonAsync(new Uri("/api/feeds", UriKind.Relative), new { slug = "rieng", @private = true }, Cancellation));
        var token = created.GetProperty("token").GetString()!;
        using var reader = hub.Client(asOperator: false);

        using var without = await reader.GetAsync(new Uri("/feeds/rieng.atom", UriKind.Relative), Cancellation);
        using var wrong = await reader.GetAsync(new Uri("/feeds/rieng.atom?token=wrong-token-wrong-token", UriKind.Relative), Cancellation);
        using var page = await reader.GetAsync(new Uri("/feeds/rieng", UriKind.Relative), Cancellation);
        using var with = await reader.GetAsync(new Uri($"/feeds/rieng.atom?token={token}", UriKind.Relative), Cancellation);

        Assert.All([without, wrong, page], r =>
        {
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        });
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.True(with.Headers.CacheControl?.Private);
        Assert.False(with.Headers.CacheControl?.Public);
        Assert.Contains($"rieng.atom?token={token}", await with.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paging_with_before_walks_every_item_exactly_once_even_when_times_tie()
    {
        var tied = Enumerable.Range(0, 23).Select(i => StoredNews.Item(english, $"Tie {i}", Morning.AddHours(-5 - (i / 7)))).ToArray();
        await hub.SeedAsync(tied);
        using var created = await http.PostAsJsonAsync(new Uri("/api/feeds", UriKind.Relative), new { slug = "wire", tags = Words("en"), limit = 3 }, Cancellation);
        var expected = await hub.Hub.WithDbAsync(db => Task.FromResult(db.Items.Where(i => i.SourceId == english.Id || i.SourceId == saigon.Id).Select(i => i.Id).ToHashSet()));

        var seen = new List<string>();
        var next = "/feeds/wire.json";
        var pages = 0;
        while (next is not null && pages++ < 50)
        {
            var page = await FeedsHub.ReadAsync(await http.GetAsync(new Uri(next, UriKind.RelativeOrAbsolute), Cancellation));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            next = page.TryGetProperty("next_url", out var url) ? url.GetString() : null;
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(expected.Select(id => $"urn:uuid:{id:D}").Order(), seen.Order());
        var atom = await http.GetStringAsync(new Uri("/feeds/wire.atom", UriKind.Relative), Cancellation);
        Assert.Matches("<link rel=\"next\" href=\"http://127\\.0\\.0\\.1:\\d+/feeds/wire\\.atom\\?before=[A-Za-z0-9_-]+\"", atom);
    }

    [Fact]
    public async Task A_cursor_that_is_not_one_is_a_400_naming_before()
    {
        using var response = await http.GetAsync(new Uri("/feeds/all.atom?before=not-a-cursor!", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await FeedsHub.ReadAsync(response)).GetProperty("errors").TryGetProperty("before", out _));
    }

    [Fact]
    public async Task An_unchanged_feed_is_304_and_a_changed_definition_is_not()
    {
        using var first = await http.GetAsync(new Uri("/feeds/declared.atom", UriKind.Relative), Cancellation);
        Assert.True(first.Headers.CacheControl?.Public);
        Assert.NotNull(first.Content.Headers.LastModified);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/feeds/declared.atom");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await http.SendAsync(again, Cancellation);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var created = await http.PostAsJsonAsync(new Uri("/api/feeds", UriKind.Relative), new { slug = "mine", title = "Trước" }, Cancellation);
        using var before = await http.GetAsync(new Uri("/feeds/mine.json", UriKind.Relative), Cancellation);
        using var changed = await http.PutAsJsonAsync(new Uri("/api/feeds/mine", UriKind.Relative), new { title = "Sau" }, Cancellation);
        using var after = await http.GetAsync(new Uri("/feeds/mine.json", UriKind.Relative), Cancellation);

        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Equal("Sau", (await FeedsHub.ReadAsync(after)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_page_links_titles_to_their_origin_and_shows_vietnam_time_for_vietnamese_sources()
    {
        using var response = await http.GetAsync(new Uri("/feeds/all", UriKind.Relative), Cancellation);
        var html = await response.Content.ReadAsStringAsync(Cancellation);
        var first = await hub.Hub.WithDbAsync(db => Task.FromResult(db.Items.Single(i => i.Title.StartsWith("Thủ tướng"))));

        var text = System.Net.WebUtility.HtmlDecode(html);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{first.Link}\">Thủ tướng chủ trì phiên họp Chính phủ</a>", html, StringComparison.Ordinal);
        Assert.Contains("BaoThu", html, StringComparison.Ordinal);
        Assert.Contains("19/01/2026 13:35 (GMT+7)", text, StringComparison.Ordinal);   // 06:35 UTC, Vietnamese source
        Assert.Contains("19/01/2026 12:55 (GMT+7)", text, StringComparison.Ordinal);   // Asia/Saigon zone
        Assert.Contains("19/01/2026 06:05 (UTC)", text, StringComparison.Ordinal);     // English source
        Assert.Contains("Tóm tắt phiên họp", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("rel=\"alternate\" type=\"application/atom+xml\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"alternate\" type=\"application/rss+xml\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"alternate\" type=\"application/feed+json\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_links_to_older_items()
    {
        using var created = await http.PostAsJsonAsync(new Uri("/api/feeds", UriKind.Relative), new { slug = "short", limit = 2 }, Cancellation);

        var html = await http.GetStringAsync(new Uri("/feeds/short", UriKind.Relative), Cancellation);
        var older = System.Text.RegularExpressions.Regex.Match(html, "<a rel=\"next\" href=\"([^\"]+)\">Older</a>");
        Assert.True(older.Success, html);
        var second = await http.GetStringAsync(new Uri(System.Net.WebUtility.HtmlDecode(older.Groups[1].Value)), Cancellation);

        Assert.Contains("Đội tuyển Việt Nam thắng đậm", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Thủ tướng", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Atom_entries_credit_their_origin_feed_in_a_source_element()
    {
        var atom = await http.GetStringAsync(new Uri("/feeds/all.atom", UriKind.Relative), Cancellation);

        Assert.Contains($"<source><id>urn:uuid:{vietnamese.Id:D}</id><title>BaoThu</title><link rel=\"self\" href=\"{vietnamese.Url}\"", atom, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_item_announced_on_the_bus_changes_the_etag_and_body_of_the_next_read()
    {
        using var before = await http.GetAsync(new Uri("/feeds/all.atom", UriKind.Relative), Cancellation);
        var item = StoredNews.Item(vietnamese, "Giá xăng giảm lần thứ ba", Morning.AddMinutes(5));
        await hub.SeedAsync(item);
        await hub.Hub.Services.GetRequiredService<IBus>().Publish(new FeedItemPublished
        {
            ItemId = item.Id,
            Item = new FeedItem { Key = item.Key, Title = item.Title },
            Source = new FeedSourceInfo { Id = vietnamese.Id, Name = vietnamese.Name, Url = new Uri(vietnamese.Url) },
            DiscoveredAt = item.DiscoveredAt,
        }, Cancellation);

        string? body = null;
        await Eventually.HoldsAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/feeds/all.atom");
            request.Headers.IfNoneMatch.Add(before.Headers.ETag!);
            using var after = await http.SendAsync(request, Cancellation);
            body = after.StatusCode == HttpStatusCode.OK && after.Headers.ETag != before.Headers.ETag ? await after.Content.ReadAsStringAsync(Cancellation) : null;
            return body is not null;
        }, "the old ETag no longer matches");

        Assert.Contains("Giá xăng giảm lần thứ ba", body, StringComparison.Ordinal);
    }
}
