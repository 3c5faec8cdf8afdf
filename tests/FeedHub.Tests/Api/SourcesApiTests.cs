using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FeedHub.Tests.EndToEnd;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace FeedHub.Tests.Api;

/// <summary>The operator API on a whole running service: keys, validation, and sources that really get polled.</summary>
public sealed class SourcesApiTests : IAsyncLifetime
{
    private const string OperatorKey = OperatorApiHost.OperatorKey;
    private const string ReaderKey = OperatorApiHost.ReaderKey;
    private static readonly string[] VietnameseTags = ["vi", "thu"];
    private OperatorApiHost host = null!;
    private TestFeedServer feeds = null!;
    private TestFeedHub hub = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        host = await OperatorApiHost.StartAsync(new Dictionary<string, string?>
        {
            ["FeedHub:Sources:0:Name"] = "Declared",
            ["FeedHub:Sources:0:Url"] = "https://declared.example.test/rss",
            ["FeedHub:Sources:0:Enabled"] = "false",
        });
        feeds = host.Feeds;
        hub = host.Hub;
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-key")]
    public async Task Requests_without_a_valid_key_are_401_problems(string? key)
    {
        using var http = Client(key);

        using var response = await http.GetAsync(new Uri("/api/sources", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_read_only_key_may_read_but_not_change()
    {
        using var http = Client(ReaderKey);

        using var list = await http.GetAsync(new Uri("/api/sources", UriKind.Relative), Cancellation);
        using var add = await http.PostAsJsonAsync(new Uri("/api/sources", UriKind.Relative), new { url = feeds.UrlOf("vn.xml") }, Cancellation);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        Assert.Equal("application/problem+json", add.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_added_source_is_polled_within_seconds_and_its_health_turns_good()
    {
        using var http = Client(OperatorKey);

        using var created = await http.PostAsJsonAsync(new Uri("/api/sources", UriKind.Relative),
            new { url = feeds.UrlOf("vn.xml"), name = "Báo Thử", tags = VietnameseTags, interval = "01:00:00", timeZone = "Asia/Ho_Chi_Minh" }, Cancellation);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await ReadAsync(created);
        Assert.Equal("unknown", body.GetProperty("health").GetProperty("state").GetString());
        Assert.Equal("01:00:00", body.GetProperty("interval").GetString());
        Assert.Equal("api", body.GetProperty("origin").GetString());
        var location = created.Headers.Location!;
        await Eventually.HoldsAsync(
            async () => (await ReadAsync(await http.GetAsync(location, Cancellation))).GetProperty("health").GetProperty("itemsTotal").GetInt32() == 3,
            "the new source's three items are stored");
        var health = (await ReadAsync(await http.GetAsync(location, Cancellation))).GetProperty("health");
        Assert.Equal("healthy", health.GetProperty("state").GetString());
        Assert.Equal(200, health.GetProperty("lastStatusCode").GetInt32());
        Assert.Equal(3, health.GetProperty("itemsLast24Hours").GetInt32());
    }

    [Fact]
    public async Task A_source_that_answers_404_shows_that_error()
    {
        using var http = Client(OperatorKey);

        using var created = await http.PostAsJsonAsync(new Uri("/api/sources", UriKind.Relative), new { url = feeds.UrlOf("missing.xml") }, Cancellation);

        var location = created.Headers.Location!;
        await Eventually.HoldsAsync(
            async () => (await ReadAsync(await http.GetAsync(location, Cancellation))).GetProperty("health").GetProperty("state").GetString() == "failing",
            "the source is failing");
        var health = (await ReadAsync(await http.GetAsync(location, Cancellation))).GetProperty("health");
        Assert.Equal(404, health.GetProperty("lastStatusCode").GetInt32());
        Assert.Equal("NotFound", health.GetProperty("lastFailureKind").GetString());
        Assert.Contains("404", health.GetProperty("lastError").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_feed_twice_is_a_409()
    {
        using var http = Client(OperatorKey);
        using var first = await http.PostAsJsonAsync(new Uri("/api/sources", UriKind.Relative), new { url = feeds.UrlOf("vn.xml") }, Cancellation);

        using var second = await http.PostAsJsonAsync(new Uri("/api/sources", UriKind.Relative), new { url = feeds.UrlOf("vn.xml") }, Cancellation);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await ReadAsync(second);
        Assert.Equal((await ReadAsync(first)).GetProperty("id").GetString(), problem.GetProperty("existingId").GetString());
    }

    [Fact]
    public async Task Each_invalid_field_is_named_in_a_400()
    {
        using var http = Client(OperatorKey);

        using var response = await http.PostAsJsonAsync(new Uri("/api/sources", UriKind.Relative),
            new { url = "ftp://example.test/feed", cron = "every minute", timeZone = "Mars/Olympus_Mons" }, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("url", out _));
        Assert.True(errors.TryGetProperty("cron", out _));
        Assert.True(errors.TryGetProperty("timeZone", out _));
    }

    [Fact]
    public async Task A_source_is_changed_in_full_but_one_declared_in_configuration_is_not()
    {
        using var http = Client(OperatorKey);
        using var created = await http.PostAsJsonAsync(new Uri("/api/sources", UriKind.Relative), new { url = feeds.UrlOf("vn.xml") }, Cancellation);
        var location = created.Headers.Location!;

        using var changed = await http.PutAsJsonAsync(location, new { url = feeds.UrlOf("vn.xml"), name = "Đổi tên", cron = "*/5 * * * *", enabled = false }, Cancellation);
        var declared = await hub.WithDbAsync(db => db.Sources.SingleAsync(s => s.Name == "Declared", Cancellation));
        using var refused = await http.PutAsJsonAsync(new Uri($"/api/sources/{declared.Id}", UriKind.Relative), new { url = declared.Url, name = "x" }, Cancellation);

        var body = await ReadAsync(changed);
        Assert.Equal("Đổi tên", body.GetProperty("name").GetString());
        Assert.Equal("*/5 * * * *", body.GetProperty("cron").GetString());
        Assert.False(body.GetProperty("enabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }

    [Fact]
    public async Task Poll_now_stores_what_changed_at_once()
    {
        using var http = Client(OperatorKey);
        using var created = await http.PostAsJsonAsync(new Uri("/api/sources", UriKind.Relative), new { url = feeds.UrlOf("vn.xml"), interval = "01:00:00" }, Cancellation);
        var location = created.Headers.Location!;
        await Eventually.HoldsAsync(() => feeds.Requests.Any(r => r.Status == 200), "the first poll happened");
        await Eventually.HoldsAsync(
            async () => (await ReadAsync(await http.GetAsync(location, Cancellation))).GetProperty("health").GetProperty("itemsTotal").GetInt32() == 3,
            "the first poll is stored");
        feeds.Publish("vn.xml", VietnameseNewsFeed.Render(VietnameseNewsFeed.SecondEdition));

        using var polled = await http.PostAsync(new Uri($"{location}/poll", UriKind.Relative), null, Cancellation);

        var body = await ReadAsync(polled);
        Assert.Equal("fetched", body.GetProperty("outcome").GetString());
        Assert.Equal(2, body.GetProperty("added").GetInt32());
        Assert.Equal(1, body.GetProperty("changed").GetInt32());
        Assert.Equal(5, body.GetProperty("source").GetProperty("health").GetProperty("itemsTotal").GetInt32());
    }

    [Fact]
    public async Task Preview_shows_how_a_url_parses_and_stores_nothing()
    {
        using var http = Client(OperatorKey);

        using var response = await http.PostAsJsonAsync(new Uri("/api/sources/preview", UriKind.Relative), new { url = feeds.UrlOf("vn.xml"), timeZone = "Asia/Ho_Chi_Minh" }, Cancellation);

        var body = await ReadAsync(response);
        Assert.Equal("rss20", body.GetProperty("format").GetString());
        Assert.Equal("Tin mới nhất - Báo Thử Nghiệm", body.GetProperty("title").GetString());
        Assert.Equal(3, body.GetProperty("itemCount").GetInt32());
        Assert.Equal("Hà Nội công bố kế hoạch chống ngập mùa mưa", body.GetProperty("firstItems")[0].GetProperty("title").GetString());
        Assert.Equal(0, await hub.WithDbAsync(db => db.Items.CountAsync(Cancellation)));
    }

    [Fact]
    public async Task The_list_filters_by_tag_and_health_and_pages_with_a_cursor()
    {
        using var http = Client(OperatorKey);
        foreach (var (name, tag) in new[] { ("A", "vi"), ("B", "vi"), ("C", "en") })
        {
            using var _ = await http.PostAsJsonAsync(new Uri("/api/sources", UriKind.Relative), new { url = $"https://{name.ToLowerInvariant()}.example.test/rss", name, tags = new[] { tag }, enabled = false }, Cancellation);
        }

        var first = await ReadAsync(await http.GetAsync(new Uri("/api/sources?tag=vi&limit=1", UriKind.Relative), Cancellation));
        var next = first.GetProperty("next").GetString();
        var second = await ReadAsync(await http.GetAsync(new Uri($"/api/sources?tag=vi&limit=1&cursor={next}", UriKind.Relative), Cancellation));
        var unknown = await ReadAsync(await http.GetAsync(new Uri("/api/sources?health=unknown", UriKind.Relative), Cancellation));

        Assert.Equal("A", first.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal("B", second.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
        Assert.Equal(4, unknown.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_sources_and_items_api()
    {
        using var http = Client(key: null);

        var document = await ReadAsync(await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancellation));

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/sources", out var list));
        Assert.True(list.TryGetProperty("get", out _));
        Assert.True(list.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/api/sources/{id}", out var one));
        Assert.True(one.TryGetProperty("delete", out _));
        Assert.True(paths.TryGetProperty("/api/items", out var items));
        Assert.True(items.TryGetProperty("get", out _));
        Assert.True(paths.TryGetProperty("/api/sources/{id}/poll", out _));
        Assert.True(paths.TryGetProperty("/api/sources/preview", out _));
    }

    private HttpClient Client(string? key) => host.Client(key);

    private static Task<JsonElement> ReadAsync(HttpResponseMessage response) => OperatorApiHost.ReadAsync(response);
}
