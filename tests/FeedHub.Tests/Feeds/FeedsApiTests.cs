using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using FeedHub.Api;
using FeedHub.Feeds;
using FeedHub.Tests.EndToEnd;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace FeedHub.Tests.Feeds;

public sealed class FeedsApiTests : IAsyncLifetime
{
    private readonly SwitchableFeedSource source = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 19, 8, 0, 0, TimeSpan.Zero));
    private WebApplication app = null!;
    private HttpClient http = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var builder = LoopbackServer.CreateBuilder();
        builder.Services.AddSingleton<IMergedFeedSource>(source);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<MergedFeedCache>();
        builder.Services.AddProblemDetails();
        app = builder.Build();

        // As the host has it: the shortcut answers what the cache holds current, the endpoint everything else.
        app.UseCurrentFeedShortcut();
        app.UseRouting();
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

    [Fact]
    public async Task A_reader_whose_copy_is_current_gets_304_without_a_query_or_a_render()
    {
        using var first = await http.GetAsync(new Uri("/feeds/all.atom", UriKind.Relative), Cancellation);
        (source.Reads, source.Lookups) = (0, 0);

        for (var i = 0; i < 10; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/feeds/all.atom");
            request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
            using var response = await http.SendAsync(request, Cancellation);

            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
            Assert.Equal(first.Headers.ETag, response.Headers.ETag);
            Assert.Equal(first.Content.Headers.LastModified, response.Content.Headers.LastModified);
        }

        Assert.Equal((0, 0), (source.Reads, source.Lookups));
    }

    [Fact]
    public async Task After_a_change_the_old_etag_gets_200_with_the_new_body_and_etag()
    {
        using var before = await http.GetAsync(new Uri("/feeds/all.rss", UriKind.Relative), Cancellation);
        source.Current = SampleFeeds.All(" (cập nhật)");
        app.Services.GetRequiredService<MergedFeedCache>().Invalidate();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/feeds/all.rss");
        request.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        using var after = await http.SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Contains("(cập nhật)", await after.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_definition_edited_elsewhere_is_served_once_the_recheck_interval_has_passed()
    {
        using var before = await http.GetAsync(new Uri("/feeds/all.json", UriKind.Relative), Cancellation);
        var edited = MergedFeedDefinitions.All();
        edited.Title = "Tin đã sửa";
        edited.UpdatedAt = new DateTimeOffset(2026, 1, 19, 7, 30, 0, TimeSpan.Zero);
        source.Definition = edited;

        using var cached = await http.GetAsync(new Uri("/feeds/all.json", UriKind.Relative), Cancellation);
        time.Advance(MergedFeedCache.DefinitionRecheck);
        using var after = await http.GetAsync(new Uri("/feeds/all.json", UriKind.Relative), Cancellation);

        Assert.Equal(before.Headers.ETag, cached.Headers.ETag);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Contains("Tin đã sửa", await after.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_feed_read_with_its_token_is_never_served_from_the_cache_without_it()
    {
        var secret = MergedFeedDefinitions.All();
        secret.Private = true;
        secret.Token = "s3cr3t-token";
        source.Definition = secret;

        using var withToken = await http.GetAsync(new Uri("/feeds/all.atom?token=s3cr3t-token", UriKind.Relative), Cancellation);
        using var again = await http.GetAsync(new Uri("/feeds/all.atom?token=s3cr3t-token", UriKind.Relative), Cancellation);
        using var withoutToken = await http.GetAsync(new Uri("/feeds/all.atom", UriKind.Relative), Cancellation);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/feeds/all.atom");
        request.Headers.IfNoneMatch.Add(withToken.Headers.ETag!);
        using var conditional = await http.SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Equal(withToken.Headers.ETag, again.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotFound, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, conditional.StatusCode);
    }

    [Fact]
    public async Task A_feed_that_went_private_is_no_longer_served_from_the_cache_once_rechecked()
    {
        using var open = await http.GetAsync(new Uri("/feeds/all.json", UriKind.Relative), Cancellation);
        var secret = MergedFeedDefinitions.All();
        secret.Private = true;
        secret.Token = "s3cr3t-token";
        secret.UpdatedAt = new DateTimeOffset(2026, 1, 19, 7, 30, 0, TimeSpan.Zero);
        source.Definition = secret;
        time.Advance(MergedFeedCache.DefinitionRecheck);

        using var closed = await http.GetAsync(new Uri("/feeds/all.json", UriKind.Relative), Cancellation);
        using var closedAgain = await http.GetAsync(new Uri("/feeds/all.json", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, closed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, closedAgain.StatusCode);
    }

    [Fact]
    public async Task Head_gets_the_headers_of_get_without_a_body()
    {
        using var get = await http.GetAsync(new Uri("/feeds/all.atom", UriKind.Relative), Cancellation);
        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/feeds/all.atom"), Cancellation);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal("application/atom+xml", head.Content.Headers.ContentType?.MediaType);
        Assert.Equal((await get.Content.ReadAsByteArrayAsync(Cancellation)).Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Cancellation));
    }

    [Fact]
    public async Task Readers_during_changes_always_get_the_etag_of_the_body_they_get()
    {
        source.Delay = TimeSpan.FromMilliseconds(5);
        var cache = app.Services.GetRequiredService<MergedFeedCache>();
        var changes = Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                source.Current = SampleFeeds.All($" (lần {i})");
                cache.Invalidate();
                await Task.Delay(3, Cancellation);
            }
        }, Cancellation);

        var bodies = new HashSet<string>(StringComparer.Ordinal);
        // Readers keep reading until the changes are over: a reader answered from the cache may be done long before.
        var readers = Enumerable.Range(0, 8).Select(async _ =>
        {
            for (var i = 0; i < 25 || !changes.IsCompleted; i++)
            {
                using var response = await http.GetAsync(new Uri("/feeds/all.json", UriKind.Relative), Cancellation);
                var body = await response.Content.ReadAsByteArrayAsync(Cancellation);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\""), response.Headers.ETag);
                lock (bodies)
                {
                    bodies.Add(Convert.ToHexString(SHA256.HashData(body)));
                }
            }
        });
        await Task.WhenAll([changes, .. readers]);

        Assert.True(bodies.Count > 1, "the readers saw the feed change");
    }

    private sealed class SwitchableFeedSource : IMergedFeedSource
    {
        public MergedFeed Current { get; set; } = SampleFeeds.All();

        public MergedFeedDefinition Definition { get; set; } = MergedFeedDefinitions.All();

        public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(50);

        public int Reads { get; set; }

        public int Lookups { get; set; }

        public Task<MergedFeedDefinition?> FindDefinitionAsync(string slug, CancellationToken cancellationToken)
        {
            Lookups++;
            return Task.FromResult(slug == "all" ? Definition : null);
        }

        public async Task<MergedFeed> ReadAsync(MergedFeedDefinition definition, ItemCursor? before, CancellationToken cancellationToken)
        {
            Reads++;
            var current = Current;
            await Task.Delay(Delay, cancellationToken);
            return current with { Title = definition.Title };
        }
    }
}
