using System.Net;
using FeedHub.Api;
using FeedHub.Feeds;
using FeedHub.Tests.EndToEnd;
using Microsoft.AspNetCore.Builder;
using Xunit;

namespace FeedHub.Tests.Feeds;

public sealed class FeedsApiTests : IAsyncLifetime
{
    private readonly SwitchableFeedSource source = new();
    private WebApplication app = null!;
    private HttpClient http = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var builder = LoopbackServer.CreateBuilder();
        builder.Services.AddSingleton<IMergedFeedSource>(source);
        builder.Services.AddSingleton<MergedFeedCache>();
        builder.Services.AddProblemDetails();
        app = builder.Build();
        app.MapFeeds();
        await app.StartAsync(Cancellation);
        http = new HttpClient { BaseAddress = LoopbackServer.AddressOf(app.Services) };
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    [Theory]
    [InlineData("/feeds/all.atom", "application/atom+xml")]
    [InlineData("/feeds/all.rss", "application/rss+xml")]
    [InlineData("/feeds/all.json", "application/feed+json")]
    public async Task Serves_each_format_with_validators_and_cache_control(string path, string contentType)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal(new DateTimeOffset(2026, 1, 19, 7, 0, 0, TimeSpan.Zero), response.Content.Headers.LastModified);
        Assert.True(response.Headers.CacheControl?.Public);
    }

    [Fact]
    public async Task A_matching_if_none_match_gets_304()
    {
        using var first = await http.GetAsync(new Uri("/feeds/all.atom", UriKind.Relative), Cancellation);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/feeds/all.atom");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var second = await http.SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync(Cancellation));
    }

    [Fact]
    public async Task An_if_modified_since_at_or_after_last_modified_gets_304()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/feeds/all.rss");
        request.Headers.IfModifiedSince = new DateTimeOffset(2026, 1, 19, 7, 0, 0, TimeSpan.Zero);

        using var response = await http.SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task After_an_invalidation_new_items_give_a_new_etag()
    {
        using var before = await http.GetAsync(new Uri("/feeds/all.json", UriKind.Relative), Cancellation);
        source.Current = SampleFeeds.All(" (cập nhật)");

        using var cached = await http.GetAsync(new Uri("/feeds/all.json", UriKind.Relative), Cancellation);
        Assert.Equal(before.Headers.ETag, cached.Headers.ETag);

        app.Services.GetRequiredService<MergedFeedCache>().Invalidate();
        using var after = await http.GetAsync(new Uri("/feeds/all.json", UriKind.Relative), Cancellation);

        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Contains("(cập nhật)", await after.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Many_readers_after_a_change_share_one_render()
    {
        source.Reads = 0;
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => http.GetAsync(new Uri("/feeds/all.atom", UriKind.Relative), Cancellation)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, source.Reads);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Theory]
    [InlineData("/feeds/nope.atom")]
    [InlineData("/feeds/all.xml")]
    [InlineData("/feeds/nope")]
    public async Task Unknown_feeds_are_404_problem_details(string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private sealed class SwitchableFeedSource : IMergedFeedSource
    {
        public MergedFeed Current { get; set; } = SampleFeeds.All();

        public int Reads { get; set; }

        public Task<MergedFeedDefinition?> FindDefinitionAsync(string slug, CancellationToken cancellationToken) =>
            Task.FromResult(slug == "all" ? MergedFeedDefinitions.All() : null);

        public async Task<MergedFeed> ReadAsync(MergedFeedDefinition definition, ItemCursor? before, CancellationToken cancellationToken)
        {
            Reads++;
            await Task.Delay(50, cancellationToken);
            return Current;
        }
    }
}
