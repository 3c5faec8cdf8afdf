using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FeedHub.Tests.EndToEnd;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace FeedHub.Tests.Api;

/// <summary>A site without a feed, made a source by CSS selectors: previewed, added, polled and stored like a feed.</summary>
public sealed class ListingSourceApiTests : IAsyncLifetime
{
    private static readonly string[] BadKeep = [".article (("];

    private static readonly object Selectors = new { item = "ul.list-news > li", title = "h3 a", time = ".time", datePattern = "HH:mm | dd/MM/yyyy" };

    private OperatorApiHost host = null!;
    private WebApplication server = null!;
    private Uri page = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var html = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Parsing", "Listing", "Fixtures", "ul-li-time-pattern.html"), Cancellation);
        server = LoopbackServer.CreateBuilder().Build();
        server.MapGet("/thoi-su.htm", () => Results.Bytes(html, "text/html; charset=utf-8"));
        await server.StartAsync();
        page = new Uri(LoopbackServer.AddressOf(server.Services), "/thoi-su.htm");
        host = await OperatorApiHost.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task A_listing_preview_shows_the_items_the_selectors_find_with_their_times_in_the_source_zone()
    {
        using var http = host.Client();

        using var response = await http.PostAsJsonAsync(
            new Uri("/api/sources/preview", UriKind.Relative), new { url = page.AbsoluteUri, timeZone = "Asia/Ho_Chi_Minh", listing = Selectors }, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await OperatorApiHost.ReadAsync(response);
        Assert.Equal(JsonValueKind.Null, preview.GetProperty("error").ValueKind);
        Assert.Equal("html", preview.GetProperty("format").GetString());
        Assert.Equal(4, preview.GetProperty("itemCount").GetInt32());
        var first = preview.GetProperty("firstItems")[0];
        Assert.Equal("Quốc hội khai mạc kỳ họp bất thường", first.GetProperty("title").GetString());
        Assert.Equal(new Uri(page, "/thoi-su/quoc-hoi-khai-mac-ky-hop-bat-thuong-20260119133500.htm").AbsoluteUri, first.GetProperty("link").GetString());
        Assert.Equal(new DateTimeOffset(2026, 1, 19, 6, 35, 0, TimeSpan.Zero), first.GetProperty("published").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_preview_refuses_the_selectors_saving_would_refuse_and_takes_blank_ones_as_defaults()
    {
        using var http = host.Client();

        using var bad = await http.PostAsJsonAsync(
            new Uri("/api/sources/preview", UriKind.Relative), new { url = page.AbsoluteUri, listing = new { item = "li[[" } }, Cancellation);
        using var blank = await http.PostAsJsonAsync(
            new Uri("/api/sources/preview", UriKind.Relative), new { url = page.AbsoluteUri, listing = new { item = "ul.list-news > li", title = "  ", link = "" } }, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("li[[", (await OperatorApiHost.ReadAsync(bad)).GetProperty("errors").GetProperty("listing")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Equal(4, (await OperatorApiHost.ReadAsync(blank)).GetProperty("itemCount").GetInt32());
    }

    [Fact]
    public async Task The_same_url_without_selectors_is_not_a_feed()
    {
        using var http = host.Client();

        var preview = await OperatorApiHost.ReadAsync(await http.PostAsJsonAsync(
            new Uri("/api/sources/preview", UriKind.Relative), new { url = page.AbsoluteUri }, Cancellation));

        Assert.Contains("not a feed", preview.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listing_source_is_polled_into_stored_items_and_shows_its_kind_and_selectors()
    {
        using var http = host.Client();
        using var added = await http.PostAsJsonAsync(
            new Uri("/api/sources", UriKind.Relative),
            new { url = page.AbsoluteUri, timeZone = "Asia/Ho_Chi_Minh", interval = "01:00:00", listing = Selectors },
            Cancellation);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var source = await OperatorApiHost.ReadAsync(added);
        var id = source.GetProperty("id").GetGuid();
        Assert.Equal("htmlListing", source.GetProperty("kind").GetString());
        Assert.Equal("ul.list-news > li", source.GetProperty("listing").GetProperty("item").GetString());

        using var polled = await http.PostAsync(new Uri($"/api/sources/{id}/poll", UriKind.Relative), null, Cancellation);
        var poll = await OperatorApiHost.ReadAsync(polled);

        Assert.True(poll.GetProperty("outcome").GetString() is "fetched" or "unchanged", poll.GetRawText());
        var stored = await host.Hub.WithDbAsync(db => db.Items.Where(i => i.SourceId == id).OrderBy(i => i.Title).ToListAsync(Cancellation));
        Assert.Equal(4, stored.Count);
        var session = Assert.Single(stored, i => i.Title == "Quốc hội khai mạc kỳ họp bất thường");
        Assert.Equal(new DateTimeOffset(2026, 1, 19, 6, 35, 0, TimeSpan.Zero), session.PublishedAt);
        Assert.Equal("healthy", (await OperatorApiHost.ReadAsync(await http.GetAsync(new Uri($"/api/sources/{id}", UriKind.Relative), Cancellation)))
            .GetProperty("health").GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_listing_whose_item_selector_finds_nothing_is_failing_and_says_the_layout_may_have_changed()
    {
        using var http = host.Client();
        using var added = await http.PostAsJsonAsync(
            new Uri("/api/sources", UriKind.Relative),
            new { url = page.AbsoluteUri, interval = "01:00:00", listing = new { item = "article.item-news" } },
            Cancellation);
        var id = (await OperatorApiHost.ReadAsync(added)).GetProperty("id").GetGuid();

        using var polled = await http.PostAsync(new Uri($"/api/sources/{id}/poll", UriKind.Relative), null, Cancellation);
        var health = (await OperatorApiHost.ReadAsync(polled)).GetProperty("source").GetProperty("health");

        Assert.Equal("failing", health.GetProperty("state").GetString());
        Assert.Equal("NotAFeed", health.GetProperty("lastFailureKind").GetString());
        Assert.Contains("layout may have changed", health.GetProperty("lastError").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Selectors_that_are_not_css_are_refused_when_the_source_is_saved()
    {
        using var http = host.Client();

        using var response = await http.PostAsJsonAsync(
            new Uri("/api/sources", UriKind.Relative),
            new { url = page.AbsoluteUri, listing = new { item = "li[[", title = "h3 a" }, extraction = new { keep = BadKeep } },
            Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await OperatorApiHost.ReadAsync(response)).GetProperty("errors");
        Assert.Contains("li[[", errors.GetProperty("listing")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains(".article ((", errors.GetProperty("extraction")[0].GetString(), StringComparison.Ordinal);
    }
}
