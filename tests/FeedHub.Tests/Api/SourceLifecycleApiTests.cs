using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FeedHub.Tests.EndToEnd;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace FeedHub.Tests.Api;

/// <summary>Sources behind auth, their schedule shown, and removal with items kept or purged.</summary>
public sealed class SourceLifecycleApiTests : IAsyncLifetime
{
    private OperatorApiHost host = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => host = await OperatorApiHost.StartAsync(new Dictionary<string, string?>
    {
        ["FeedHub:Sources:0:Name"] = "Declared",
        ["FeedHub:Sources:0:Url"] = "https://declared.example.test/rss",
        ["FeedHub:Sources:0:Enabled"] = "false",
    });

    public ValueTask DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task Headers_and_credentials_are_sent_with_each_poll_but_never_shown()
    {
        using var http = host.Client();

        var source = await AddAsync(http, new
        {
            url = host.Feeds.UrlOf("vn.xml"),
            headers = new Dictionary<string, string> { ["X-Api-Token"] = "s3cret-token" },
            username = "reader",
            password = "pa:ss",
            language = "vi",
        });
        await Eventually.HoldsAsync(() => host.Feeds.Requests.Any(r => r.Status == 200), "the source was polled");

        var request = host.Feeds.Requests.First(r => r.Status == 200);
        Assert.Equal("s3cret-token", request.Headers["X-Api-Token"]);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("reader:pa:ss")), request.Headers["Authorization"]);
        var shown = source.GetRawText();
        Assert.DoesNotContain("s3cret-token", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("pa:ss", shown, StringComparison.Ordinal);
        Assert.Equal("***", source.GetProperty("headers").GetProperty("X-Api-Token").GetString());
        Assert.True(source.GetProperty("hasPassword").GetBoolean());
        Assert.Equal("vi", source.GetProperty("language").GetString());
    }

    [Fact]
    public async Task A_source_sent_back_as_read_keeps_its_secrets()
    {
        using var http = host.Client();
        var source = await AddAsync(http, new
        {
            url = host.Feeds.UrlOf("vn.xml"),
            headers = new Dictionary<string, string> { ["X-Api-Token"] = "s3cret-token" },
            username = "reader",
            password = "pa:ss",
            interval = "01:00:00",
        });
        var id = source.GetProperty("id").GetGuid();

        var asRead = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(source.GetRawText())!;
        asRead["name"] = JsonSerializer.SerializeToElement("Renamed");
        using var changed = await http.PutAsJsonAsync(new Uri($"/api/sources/{id}", UriKind.Relative), asRead, Cancellation);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var stored = await host.Hub.WithDbAsync(db => db.Sources.SingleAsync(s => s.Id == id, Cancellation));
        Assert.Equal("Renamed", stored.Name);
        Assert.Equal("s3cret-token", stored.RequestHeaders["X-Api-Token"]);
        Assert.Equal("pa:ss", stored.Password);
    }

    [Theory]
    [InlineData("language", """{"url":"https://a.example.test/rss","language":"not a language"}""")]
    [InlineData("headers", """{"url":"https://a.example.test/rss","headers":{"If-None-Match":"x"}}""")]
    [InlineData("headers", """{"url":"https://a.example.test/rss","headers":{"Bad Name":"x"}}""")]
    [InlineData("username", """{"url":"https://a.example.test/rss","password":"alone"}""")]
    public async Task Bad_options_are_a_400_naming_the_field(string field, string body)
    {
        using var http = host.Client();

        using var response = await http.PostAsync(
            new Uri("/api/sources", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await OperatorApiHost.ReadAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task The_next_poll_and_why_are_shown()
    {
        using var http = host.Client();
        var id = (await AddAsync(http, new { url = host.Feeds.UrlOf("vn.xml"), interval = "01:00:00" })).GetProperty("id").GetGuid();

        await Eventually.HoldsAsync(
            async () => (await GetAsync(http, id)).GetProperty("health").GetProperty("nextPollReason").GetString()?.StartsWith("interval 01:00:00", StringComparison.Ordinal) == true,
            "the poll after the first is planned an hour on");

        var next = (await GetAsync(http, id)).GetProperty("health").GetProperty("nextPollAt").GetDateTimeOffset();
        var now = TimeProvider.System.GetUtcNow();
        Assert.InRange(next, now.AddMinutes(50), now.AddMinutes(70));
    }

    [Fact]
    public async Task Removed_with_items_kept_a_source_is_archived_its_items_stay_and_adding_it_again_restores_it()
    {
        using var http = host.Client();
        var id = await AddPolledAsync(http);

        using var removed = await http.DeleteAsync(new Uri($"/api/sources/{id}", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        var listed = await OperatorApiHost.ReadAsync(await http.GetAsync(new Uri("/api/sources", UriKind.Relative), Cancellation));
        Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetGuid() == id);
        var archived = await OperatorApiHost.ReadAsync(await http.GetAsync(new Uri("/api/sources?archived=true", UriKind.Relative), Cancellation));
        Assert.Contains(archived.GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetGuid() == id);
        Assert.Equal(3, await host.Hub.WithDbAsync(db => db.Items.CountAsync(i => i.SourceId == id, Cancellation)));

        using var again = await http.PostAsJsonAsync(new Uri("/api/sources", UriKind.Relative), new { url = host.Feeds.UrlOf("vn.xml") }, Cancellation);

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var restored = await OperatorApiHost.ReadAsync(again);
        Assert.Equal(id, restored.GetProperty("id").GetGuid());
        Assert.Equal(JsonValueKind.Null, restored.GetProperty("archivedAt").ValueKind);
    }

    [Fact]
    public async Task Removed_with_items_purged_a_source_and_its_items_are_gone()
    {
        using var http = host.Client();
        var id = await AddPolledAsync(http);

        using var removed = await http.DeleteAsync(new Uri($"/api/sources/{id}?items=purge", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(0, await host.Hub.WithDbAsync(db => db.Items.CountAsync(i => i.SourceId == id, Cancellation)));
        using var gone = await http.GetAsync(new Uri($"/api/sources/{id}", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Removal_is_refused_for_configured_sources_unknown_ids_bad_choices_and_read_only_keys()
    {
        using var http = host.Client();
        using var reader = host.Client(OperatorApiHost.ReaderKey);
        var declared = await host.Hub.WithDbAsync(db => db.Sources.SingleAsync(s => s.Name == "Declared", Cancellation));
        var id = (await AddAsync(http, new { url = "https://other.example.test/rss", enabled = false })).GetProperty("id").GetGuid();

        using var configured = await http.DeleteAsync(new Uri($"/api/sources/{declared.Id}", UriKind.Relative), Cancellation);
        using var unknown = await http.DeleteAsync(new Uri($"/api/sources/{Guid.NewGuid()}", UriKind.Relative), Cancellation);
        using var badChoice = await http.DeleteAsync(new Uri($"/api/sources/{id}?items=shred", UriKind.Relative), Cancellation);
        using var readOnly = await reader.DeleteAsync(new Uri($"/api/sources/{id}", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.Conflict, configured.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badChoice.StatusCode);
        Assert.True((await OperatorApiHost.ReadAsync(badChoice)).GetProperty("errors").TryGetProperty("items", out _));
        Assert.Equal(HttpStatusCode.Forbidden, readOnly.StatusCode);
    }

    private async Task<Guid> AddPolledAsync(HttpClient http)
    {
        var id = (await AddAsync(http, new { url = host.Feeds.UrlOf("vn.xml"), interval = "01:00:00" })).GetProperty("id").GetGuid();
        await Eventually.HoldsAsync(
            async () => (await GetAsync(http, id)).GetProperty("health").GetProperty("itemsTotal").GetInt32() == 3,
            "the source's items are stored");
        return id;
    }

    private static async Task<JsonElement> AddAsync(HttpClient http, object body)
    {
        var response = await http.PostAsJsonAsync(new Uri("/api/sources", UriKind.Relative), body, Cancellation);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await OperatorApiHost.ReadAsync(response);
    }

    private static async Task<JsonElement> GetAsync(HttpClient http, Guid id) =>
        await OperatorApiHost.ReadAsync(await http.GetAsync(new Uri($"/api/sources/{id}", UriKind.Relative), Cancellation));
}
