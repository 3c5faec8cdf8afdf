using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FeedHub.Normalizing;
using FeedHub.Parsing;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace FeedHub.Tests.EndToEnd;

/// <summary>
/// The whole pipeline against real components: a local feed server, FeedHub's scheduler, fetcher,
/// parser, SQLite store, outbox and in-memory bus, and its reader feeds over HTTP.
/// </summary>
public sealed class PipelineEndToEndTests : IAsyncLifetime
{
    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), "feedhub-tests", Guid.NewGuid().ToString("N"));
    private TestFeedServer server = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(dataFolder);
        server = await TestFeedServer.StartAsync();
        server.Publish("vn.xml", VietnameseNewsFeed.Render(VietnameseNewsFeed.FirstEdition));
    }

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataFolder, recursive: true);
    }

    [Fact]
    public async Task Polls_stores_publishes_once_and_serves_the_merged_feed()
    {
        await using var hub = await TestFeedHub.StartAsync(dataFolder, SourceSettings(), Cancellation);

        await Eventually.HoldsAsync(() => hub.Messages.Published.Count >= 3, "the first three items are published");
        await Eventually.HoldsAsync(() => server.Requests.Any(r => r.Status == 304), "an unchanged poll is answered 304");
        Assert.Contains(server.Requests, r => r.Status == 304 && r.IfNoneMatch.Length > 0);

        var stored = await hub.WithDbAsync(db => db.Items.AsNoTracking().ToListAsync(Cancellation));
        Assert.Equal(3, stored.Count);
        var first = stored.Single(i => i.FeedGuid == "vn-1001");
        Assert.Equal("Hà Nội công bố kế hoạch chống ngập mùa mưa", first.Title);
        Assert.True(first.Title.IsNormalized(NormalizationForm.FormC));
        Assert.Equal("https://news.example.test/thoi-su/ha-noi-chong-ngap-1001.html", first.Link);
        Assert.Equal(new DateTimeOffset(2026, 1, 19, 6, 35, 0, TimeSpan.Zero), first.PublishedAt);
        Assert.DoesNotContain("<script", first.Summary ?? string.Empty, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(new DateTimeOffset(2026, 1, 19, 1, 15, 0, TimeSpan.Zero), stored.Single(i => i.FeedGuid == "vn-1003").PublishedAt);

        server.Publish("vn.xml", VietnameseNewsFeed.Render(VietnameseNewsFeed.SecondEdition));
        await Eventually.HoldsAsync(() => hub.Messages.Published.Count >= 5 && hub.Messages.Updated.Count >= 1, "the new and edited items are announced");

        // Let a few more polls of the unchanged second edition pass: none may announce anything again.
        var settled = server.Requests.Count;
        await Eventually.HoldsAsync(() => server.Requests.Count >= settled + 3, "three more polls happen");
        await WaitForOutboxToDrainAsync(hub);

        var published = hub.Messages.Published;
        Assert.Equal(5, published.Count);
        Assert.Equal(5, published.Select(p => p.Message.ItemId).Distinct().Count());
        Assert.All(published, p => Assert.Equal(DeterministicGuid.Create($"published:{p.Message.ItemId:N}"), p.MessageId));
        var updated = Assert.Single(hub.Messages.Updated);
        Assert.Equal("Hà Nội công bố kế hoạch chống ngập mùa mưa 2026", updated.Message.Item.Title);
        Assert.Equal(5, await hub.WithDbAsync(db => db.Items.CountAsync(Cancellation)));

        await AssertMergedFeedRoundTripsAsync(hub);
    }

    [Fact]
    public async Task An_item_committed_but_not_published_before_a_stop_is_published_once_after_restart()
    {
        var settings = SourceSettings();
        settings["FeedHub:Publishing:Enabled"] = "false";
        await using (var first = await TestFeedHub.StartAsync(dataFolder, settings, Cancellation))
        {
            await Eventually.HoldsAsync(
                async () => await first.WithDbAsync(db => db.Outbox.CountAsync(m => m.SentAt == null && m.MessageType == "FeedItemPublished", Cancellation)) == 3,
                "three items are committed and pending");
            Assert.Empty(first.Messages.Published);
        }

        settings["FeedHub:Publishing:Enabled"] = "true";
        await using var second = await TestFeedHub.StartAsync(dataFolder, settings, Cancellation);
        await Eventually.HoldsAsync(() => second.Messages.Published.Count >= 3, "the pending items are published after restart");
        await WaitForOutboxToDrainAsync(second);
        var settled = server.Requests.Count;
        await Eventually.HoldsAsync(() => server.Requests.Count >= settled + 2, "two more polls happen");

        Assert.Equal(3, second.Messages.Published.Count);
        Assert.Equal(3, second.Messages.Published.Select(p => p.MessageId).Distinct().Count());
        Assert.Equal(3, await second.WithDbAsync(db => db.Items.CountAsync(Cancellation)));
    }

    private Dictionary<string, string?> SourceSettings() => new()
    {
        ["FeedHub:Sources:0:Name"] = "Báo Thử Nghiệm",
        ["FeedHub:Sources:0:Url"] = server.UrlOf("vn.xml").AbsoluteUri,
        ["FeedHub:Sources:0:Interval"] = "00:00:00.300",
        ["FeedHub:Sources:0:TimeZone"] = "Asia/Ho_Chi_Minh",
    };

    private static Task WaitForOutboxToDrainAsync(TestFeedHub hub) =>
        Eventually.HoldsAsync(
            async () => await hub.WithDbAsync(db => db.Outbox.CountAsync(m => m.SentAt == null, Cancellation)) == 0,
            "the outbox is drained");

    private static async Task AssertMergedFeedRoundTripsAsync(TestFeedHub hub)
    {
        using var http = new HttpClient { BaseAddress = hub.BaseAddress };
        using var response = await http.GetAsync(new Uri("/feeds/all.atom", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync(Cancellation);

        var parser = hub.Services.GetRequiredService<FeedParser>();
        var normalizer = hub.Services.GetRequiredService<ItemNormalizer>();
        var result = parser.Parse(body, new ParseContext(hub.BaseAddress, TimeZoneInfo.Utc, TimeProvider.System.GetUtcNow()));
        var parsed = Assert.IsType<FeedParseResult.Parsed>(result is FeedParseResult.Rejected rejected ? throw new Xunit.Sdk.XunitException(rejected.Reason) : result);
        var readBack = normalizer.Normalize(parsed.Feed, hub.BaseAddress).Items;
        var stored = await hub.WithDbAsync(db => db.Items.AsNoTracking().ToListAsync(Cancellation));
        Assert.Equal(
            stored.Select(i => (i.Title, i.Link)).OrderBy(x => x.Link, StringComparer.Ordinal),
            readBack.Select(i => (i.Title, i.Link?.AbsoluteUri)).OrderBy(x => x.Item2, StringComparer.Ordinal));

        using var conditional = new HttpRequestMessage(HttpMethod.Get, new Uri("/feeds/all.atom", UriKind.Relative));
        conditional.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(response.Headers.ETag!.ToString()));
        using var notModified = await http.SendAsync(conditional, Cancellation);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }
}
