using System.Collections.Concurrent;
using FeedHub.Fetching;
using FeedHub.Tests.EndToEnd;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace FeedHub.Tests.Fetching;

/// <summary>Redirects FeedFetcher follows itself (permanent or not, across origins) and the freshness HTTP caching gives.</summary>
public sealed class RedirectAndFreshnessTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Server, string Path, IHeaderDictionary Headers)> requests = new();
    private WebApplication origin = null!;
    private WebApplication elsewhere = null!;
    private Uri originBase = null!;
    private Uri elsewhereBase = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        (elsewhere, elsewhereBase) = await StartAsync("elsewhere", app => app.MapGet("/feed", () => Results.Text(MisbehavingServer.Feed, "application/rss+xml")));
        (origin, originBase) = await StartAsync("origin", app =>
        {
            app.MapGet("/feed", () => Results.Text(MisbehavingServer.Feed, "application/rss+xml"));
            app.MapGet("/p1", () => Results.Redirect("/p2", permanent: true));
            app.MapGet("/p2", () => Results.Redirect("/feed", permanent: true, preserveMethod: true));
            app.MapGet("/p-then-t", () => Results.Redirect("/t1", permanent: true));
            app.MapGet("/t1", () => Results.Redirect("/feed", permanent: false, preserveMethod: true));
            app.MapGet("/away", () => Results.Redirect(new Uri(elsewhereBase, "/feed").AbsoluteUri, permanent: true));
            app.MapGet("/ftp", () => Results.Redirect("ftp://example.test/feed.xml"));
            app.MapGet("/nolocation", () => Results.StatusCode(301));
            app.MapGet("/max-age", (HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "public, max-age=600";
                context.Response.Headers.Age = "100";
                return Results.Text(MisbehavingServer.Feed, "application/rss+xml");
            });
            app.MapGet("/expires", (HttpContext context) =>
            {
                context.Response.Headers.Date = "Mon, 19 Jan 2026 06:00:00 GMT";
                context.Response.Headers.Expires = "Mon, 19 Jan 2026 06:30:00 GMT";
                return Results.Text(MisbehavingServer.Feed, "application/rss+xml");
            });
            app.MapGet("/no-cache", (HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "no-cache, max-age=600";
                return Results.Text(MisbehavingServer.Feed, "application/rss+xml");
            });
        });
    }

    public async ValueTask DisposeAsync()
    {
        await origin.DisposeAsync();
        await elsewhere.DisposeAsync();
    }

    [Fact]
    public async Task A_chain_of_permanent_redirects_reports_the_feeds_new_address()
    {
        var fetched = Assert.IsType<FetchResult.Fetched>(await FetchAsync(new Uri(originBase, "/p1")));

        Assert.Equal(new Uri(originBase, "/feed"), fetched.FinalUrl);
        Assert.Equal(new Uri(originBase, "/feed"), fetched.Answer.MovedPermanentlyTo);
    }

    [Fact]
    public async Task One_temporary_hop_means_the_feed_has_not_moved()
    {
        var fetched = Assert.IsType<FetchResult.Fetched>(await FetchAsync(new Uri(originBase, "/p-then-t")));

        Assert.Equal(new Uri(originBase, "/feed"), fetched.FinalUrl);
        Assert.Null(fetched.Answer.MovedPermanentlyTo);
    }

    [Fact]
    public async Task A_direct_answer_has_not_moved()
    {
        var fetched = Assert.IsType<FetchResult.Fetched>(await FetchAsync(new Uri(originBase, "/feed")));

        Assert.Null(fetched.Answer.MovedPermanentlyTo);
    }

    [Fact]
    public async Task Credentials_and_headers_go_to_the_feeds_origin_only()
    {
        var request = new FetchRequest(
            new Uri(originBase, "/away"), CacheValidators.None,
            new Dictionary<string, string> { ["X-Feed-Token"] = "secret" }, new BasicCredentials("reader", "pw"));

        var fetched = Assert.IsType<FetchResult.Fetched>(await FetchAsync(request));

        Assert.Equal(new Uri(elsewhereBase, "/feed"), fetched.FinalUrl);
        var first = Assert.Single(requests, r => r.Server == "origin");
        Assert.Equal("secret", first.Headers["X-Feed-Token"]);
        Assert.StartsWith("Basic ", first.Headers.Authorization.ToString(), StringComparison.Ordinal);
        var second = Assert.Single(requests, r => r.Server == "elsewhere");
        Assert.False(second.Headers.ContainsKey("X-Feed-Token"));
        Assert.False(second.Headers.ContainsKey("Authorization"));
    }

    [Theory]
    [InlineData("/ftp", "ftp")]
    [InlineData("/nolocation", "without a Location")]
    public async Task A_redirect_that_cannot_be_followed_says_why(string path, string expected)
    {
        var failed = Assert.IsType<FetchResult.Failed>(await FetchAsync(new Uri(originBase, path)));

        Assert.Equal(FetchFailure.TooManyRedirects, failed.Failure);
        Assert.Contains(expected, failed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_limit_of_one_stops_a_two_hop_chain()
    {
        var failed = Assert.IsType<FetchResult.Failed>(await FetchAsync(new Uri(originBase, "/p1"), ("FeedHub:Fetching:MaxRedirects", "1")));

        Assert.Equal(FetchFailure.TooManyRedirects, failed.Failure);
        Assert.Contains("more than 1 redirects", failed.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/max-age", 500)]
    [InlineData("/expires", 1800)]
    public async Task Http_caching_says_how_long_the_answer_stays_fresh(string path, int seconds)
    {
        var fetched = Assert.IsType<FetchResult.Fetched>(await FetchAsync(new Uri(originBase, path)));

        Assert.Equal(TimeSpan.FromSeconds(seconds), fetched.Answer.FreshFor);
    }

    [Fact]
    public async Task No_cache_gives_no_freshness()
    {
        var fetched = Assert.IsType<FetchResult.Fetched>(await FetchAsync(new Uri(originBase, "/no-cache")));

        Assert.Null(fetched.Answer.FreshFor);
    }

    private static Task<FetchResult> FetchAsync(Uri url, params (string Key, string Value)[] settings) =>
        FetchAsync(new FetchRequest(url, CacheValidators.None), settings);

    private static async Task<FetchResult> FetchAsync(FetchRequest request, params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?> { ["FeedHub:Fetching:AllowPrivateNetworks"] = "true" };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging();
        services.AddFetching();
        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<FeedFetcher>().FetchAsync(request, Cancellation);
    }

    private async Task<(WebApplication App, Uri Base)> StartAsync(string name, Action<WebApplication> map)
    {
        var app = LoopbackServer.CreateBuilder().Build();
        app.Use(async (context, next) =>
        {
            requests.Enqueue((name, context.Request.Path, new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value))));
            await next(context);
        });
        map(app);
        await app.StartAsync();
        return (app, LoopbackServer.AddressOf(app.Services));
    }
}
