using System.Net;
using System.Net.Http.Json;
using FeedHub.Tests.EndToEnd;
using FeedHub.Tests.Feeds;
using Xunit;

namespace FeedHub.Tests.Api;

/// <summary>/api/feeds on a whole running service: create, read, change, delete, validation, conflicts, configuration.</summary>
public sealed class FeedDefinitionsApiTests : IAsyncLifetime
{
    private static readonly string[] Vietnamese = ["vi"];
    private static readonly string[] PrimeMinister = ["thu tuong"];
    private static readonly string[] Storm = ["bão"];
    private FeedsHub hub = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => hub = await FeedsHub.StartAsync(Cancellation);

    public async ValueTask DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task A_feed_is_created_read_listed_changed_and_deleted()
    {
        using var http = hub.Client();

        using var created = await http.PostAsJsonAsync(new Uri("/api/feeds", UriKind.Relative),
            new { slug = "thoi-su", title = "Thời sự", tags = Vietnamese, include = PrimeMinister, limit = 20 }, Cancellation);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/feeds/thoi-su", created.Headers.Location?.OriginalString);
        var body = await FeedsHub.ReadAsync(created);
        var read = await FeedsHub.ReadAsync(await http.GetAsync(new Uri("/api/feeds/thoi-su", UriKind.Relative), Cancellation));
        using var changed = await http.PutAsJsonAsync(new Uri("/api/feeds/thoi-su", UriKind.Relative), new { title = "Thời sự mới", exclude = Storm }, Cancellation);
        var list = await FeedsHub.ReadAsync(await http.GetAsync(new Uri("/api/feeds", UriKind.Relative), Cancellation));
        using var deleted = await http.DeleteAsync(new Uri("/api/feeds/thoi-su", UriKind.Relative), Cancellation);
        using var gone = await http.GetAsync(new Uri("/api/feeds/thoi-su", UriKind.Relative), Cancellation);

        Assert.Equal("Thời sự", body.GetProperty("title").GetString());
        Assert.Equal(20, body.GetProperty("limit").GetInt32());
        Assert.Equal("api", body.GetProperty("origin").GetString());
        Assert.False(body.GetProperty("private").GetBoolean());
        Assert.Equal(new Uri(hub.Hub.BaseAddress, "/feeds/thoi-su.atom").AbsoluteUri, body.GetProperty("links").GetProperty("atom").GetString());
        Assert.Equal(new Uri(hub.Hub.BaseAddress, "/feeds/thoi-su").AbsoluteUri, body.GetProperty("links").GetProperty("html").GetString());
        Assert.Equal(["thu tuong"], read.GetProperty("include").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var after = await FeedsHub.ReadAsync(changed);
        Assert.Equal("Thời sự mới", after.GetProperty("title").GetString());
        Assert.Equal(100, after.GetProperty("limit").GetInt32());
        Assert.Empty(after.GetProperty("include").EnumerateArray());
        Assert.Equal(["all", "declared", "thoi-su"], list.EnumerateArray().Select(f => f.GetProperty("slug").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("application/problem+json", gone.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Each_invalid_field_is_named_in_a_400()
    {
        using var http = hub.Client();

        using var response = await http.PostAsJsonAsync(new Uri("/api/feeds", UriKind.Relative),
            new { slug = "Tin Mới", limit = 0, language = "tiếng việt", token = "abc", sourceIds = new[] { Guid.NewGuid() } }, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await FeedsHub.ReadAsync(response)).GetProperty("errors");
        foreach (var field in new[] { "slug", "limit", "language", "token", "sourceIds" })
        {
            Assert.True(errors.TryGetProperty(field, out var messages), $"no error for {field}");
            Assert.StartsWith(field, messages[0].GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(501)]
    [InlineData(-1)]
    public async Task A_limit_outside_1_to_500_is_refused(int limit)
    {
        using var http = hub.Client();

        using var response = await http.PostAsJsonAsync(new Uri("/api/feeds", UriKind.Relative), new { slug = "x", limit }, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("between 1 and 500", (await FeedsHub.ReadAsync(response)).GetProperty("errors").GetProperty("limit")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_taken_slug_and_changes_to_configured_feeds_are_409()
    {
        using var http = hub.Client();
        using var first = await http.PostAsJsonAsync(new Uri("/api/feeds", UriKind.Relative), new { slug = "mine" }, Cancellation);

        using var again = await http.PostAsJsonAsync(new Uri("/api/feeds", UriKind.Relative), new { slug = "mine" }, Cancellation);
        using var all = await http.PostAsJsonAsync(new Uri("/api/feeds", UriKind.Relative), new { slug = "all" }, Cancellation);
        using var declared = await http.PutAsJsonAsync(new Uri("/api/feeds/declared", UriKind.Relative), new { title = "x" }, Cancellation);
        using var deleteDeclared = await http.DeleteAsync(new Uri("/api/feeds/declared", UriKind.Relative), Cancellation);
        using var deleteAll = await http.DeleteAsync(new Uri("/api/feeds/all", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.All([again, all, declared, deleteDeclared, deleteAll], r =>
        {
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        });
    }

    [Fact]
    public async Task Feeds_declared_in_configuration_are_listed_and_all_can_be_retitled()
    {
        using var http = hub.Client();

        var declared = await FeedsHub.ReadAsync(await http.GetAsync(new Uri("/api/feeds/declared", UriKind.Relative), Cancellation));
        var all = await FeedsHub.ReadAsync(await http.GetAsync(new Uri("/api/feeds/all", UriKind.Relative), Cancellation));

        Assert.Equal("configuration", declared.GetProperty("origin").GetString());
        Assert.Equal(["vi"], declared.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("Tất cả tin", all.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_configuration_change_adds_and_removes_feeds_without_a_restart()
    {
        using var http = hub.Client();
        var configuration = hub.Configuration;

        configuration["FeedHub:Feeds:1:Slug"] = "the-thao";
        configuration["FeedHub:Feeds:1:Title"] = "Thể thao";
        configuration.Reload();

        await Eventually.HoldsAsync(
            async () => (await http.GetAsync(new Uri("/api/feeds/the-thao", UriKind.Relative), Cancellation)).StatusCode == HttpStatusCode.OK,
            "the newly declared feed exists");
        using var old = await http.GetAsync(new Uri("/api/feeds/declared", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
    }

    [Fact]
    public async Task A_private_feed_without_a_token_gets_a_random_url_safe_one_and_keeps_it_when_changed()
    {
        using var http = hub.Client();

        var created = await FeedsHub.ReadAsync(await http.PostAsJsonAsync(new Uri("/api/feeds", UriKind.Relative), new { slug = "rieng", @private = true }, Cancellation));
        var changed = await FeedsHub.ReadAsync(await http.PutAsJsonAsync(new Uri("/api/feeds/rieng", UriKind.Relative), new { title = "Riêng", @private = true }, Cancellation));

        var token = created.GetProperty("token").GetString()!;
        Assert.Equal(43, token.Length);
        Assert.True(token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
        Assert.Equal(token, changed.GetProperty("token").GetString());
        Assert.EndsWith($"/feeds/rieng.rss?token={token}", changed.GetProperty("links").GetProperty("rss").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_without_a_key_are_401()
    {
        using var http = hub.Client(asOperator: false);

        using var response = await http.GetAsync(new Uri("/api/feeds", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_names_and_describes_every_feeds_endpoint()
    {
        using var http = hub.Client(asOperator: false);

        var paths = (await FeedsHub.ReadAsync(await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancellation))).GetProperty("paths");

        var operations = new[] { ("/api/feeds", "get"), ("/api/feeds", "post"), ("/api/feeds/{slug}", "get"), ("/api/feeds/{slug}", "put"), ("/api/feeds/{slug}", "delete") };
        foreach (var (path, method) in operations)
        {
            var operation = paths.GetProperty(path).GetProperty(method);
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("operationId").GetString()));
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()));
        }
    }
}
