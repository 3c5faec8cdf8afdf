using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FeedHub.Tests.EndToEnd;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace FeedHub.Tests.Api;

/// <summary>What a feed's server says about its address: 410 Gone turns the source off, a permanent move updates it.</summary>
public sealed class SourceAddressApiTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> paths = new();
    private OperatorApiHost host = null!;
    private WebApplication server = null!;
    private Uri serverBase = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        server = LoopbackServer.CreateBuilder().Build();
        server.Use(async (context, next) =>
        {
            paths.Enqueue(context.Request.Path);
            await next(context);
        });
        var feed = VietnameseNewsFeed.Render(VietnameseNewsFeed.FirstEdition);
        server.MapGet("/new", () => Results.Text(feed, "application/rss+xml"));
        server.MapGet("/old", () => Results.Redirect("/new", permanent: true));
        server.MapGet("/moving", () => Results.Redirect("/new", permanent: true, preserveMethod: true));
        server.MapGet("/temporary", () => Results.Redirect("/new", permanent: false));
        server.MapGet("/gone", () => Results.StatusCode(410));
        await server.StartAsync();
        serverBase = LoopbackServer.AddressOf(server.Services);
        host = await OperatorApiHost.StartAsync(new Dictionary<string, string?> { ["FeedHub:Fetching:PermanentRedirectsToMove"] = "3" });
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task A_feed_answering_410_is_disabled_and_says_why_until_an_operator_enables_it()
    {
        using var http = host.Client();
        var id = await AddAsync(http, "/gone");

        await Eventually.HoldsAsync(async () => !(await GetAsync(http, id)).GetProperty("enabled").GetBoolean(), "the source is disabled");

        var source = await GetAsync(http, id);
        Assert.Contains("410 Gone", source.GetProperty("disabledReason").GetString(), StringComparison.Ordinal);
        Assert.Equal("Gone", source.GetProperty("health").GetProperty("lastFailureKind").GetString());
        Assert.Equal(410, source.GetProperty("health").GetProperty("lastStatusCode").GetInt32());
        var requests = paths.Count(p => p == "/gone");
        var poll = await OperatorApiHost.ReadAsync(await http.PostAsync(new Uri($"/api/sources/{id}/poll", UriKind.Relative), null, Cancellation));
        Assert.Equal("skipped", poll.GetProperty("outcome").GetString());
        Assert.Equal(requests, paths.Count(p => p == "/gone"));

        var asRead = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>((await GetAsync(http, id)).GetRawText())!;
        asRead["enabled"] = JsonSerializer.SerializeToElement(true);
        using var enable = await http.PutAsJsonAsync(new Uri($"/api/sources/{id}", UriKind.Relative), asRead, Cancellation);
        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        var enabled = await OperatorApiHost.ReadAsync(enable);
        Assert.True(enabled.GetProperty("enabled").GetBoolean());
        Assert.Equal(JsonValueKind.Null, enabled.GetProperty("disabledReason").ValueKind);
    }

    [Theory]
    [InlineData("/old")]
    [InlineData("/moving")]
    public async Task A_permanent_redirect_moves_the_source_once_seen_on_three_polls_in_a_row(string path)
    {
        using var http = host.Client();
        var id = await AddAsync(http, path);
        await Eventually.HoldsAsync(() => paths.Contains(path) && paths.Contains("/new"), "the first poll followed the redirect");
        await Eventually.HoldsAsync(async () => (await GetAsync(http, id)).GetProperty("health").GetProperty("lastSuccessAt").ValueKind != JsonValueKind.Null, "the first poll was recorded");

        var afterSecond = (await PollAsync(http, id)).GetProperty("source");
        Assert.Equal(new Uri(serverBase, path).AbsoluteUri, afterSecond.GetProperty("url").GetString());
        Assert.Equal(new Uri(serverBase, "/new").AbsoluteUri, afterSecond.GetProperty("health").GetProperty("movedPermanentlyTo").GetString());

        var afterThird = (await PollAsync(http, id)).GetProperty("source");
        Assert.Equal(new Uri(serverBase, "/new").AbsoluteUri, afterThird.GetProperty("url").GetString());
        Assert.Equal(JsonValueKind.Null, afterThird.GetProperty("health").GetProperty("movedPermanentlyTo").ValueKind);

        var before = paths.Count(p => p == path);
        await PollAsync(http, id);
        Assert.Equal(before, paths.Count(p => p == path));
        Assert.Equal(3, await host.Hub.WithDbAsync(db => db.Items.CountAsync(i => i.SourceId == id, Cancellation)));
    }

    [Fact]
    public async Task A_temporary_redirect_never_moves_the_source()
    {
        using var http = host.Client();
        var id = await AddAsync(http, "/temporary");

        for (var poll = 0; poll < 4; poll++)
        {
            var source = (await PollAsync(http, id)).GetProperty("source");
            Assert.Equal(new Uri(serverBase, "/temporary").AbsoluteUri, source.GetProperty("url").GetString());
            Assert.Equal("healthy", source.GetProperty("health").GetProperty("state").GetString());
        }

        Assert.Equal(3, await host.Hub.WithDbAsync(db => db.Items.CountAsync(i => i.SourceId == id, Cancellation)));
    }

    private async Task<Guid> AddAsync(HttpClient http, string path)
    {
        using var response = await http.PostAsJsonAsync(new Uri("/api/sources", UriKind.Relative), new { url = new Uri(serverBase, path).AbsoluteUri, interval = "01:00:00" }, Cancellation);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await OperatorApiHost.ReadAsync(response)).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> PollAsync(HttpClient http, Guid id)
    {
        using var response = await http.PostAsync(new Uri($"/api/sources/{id}/poll", UriKind.Relative), null, Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await OperatorApiHost.ReadAsync(response);
    }

    private static async Task<JsonElement> GetAsync(HttpClient http, Guid id) =>
        await OperatorApiHost.ReadAsync(await http.GetAsync(new Uri($"/api/sources/{id}", UriKind.Relative), Cancellation));
}
