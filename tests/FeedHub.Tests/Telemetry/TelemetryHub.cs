using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FeedHub.Api;
using FeedHub.Tests.EndToEnd;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace FeedHub.Tests.Telemetry;

/// <summary>
/// A whole FeedHub with one source on a local feed server. The source's interval is an hour, so after its
/// first poll at start-up it is polled only when the test says: every poll a test counts is its own.
/// </summary>
internal sealed class TelemetryHub : IAsyncDisposable
{
    public const string SourceName = "Báo Đo Lường";
    public const string Feed = "vn.xml";
    public const string OperatorKey = "fh_test_telemetry_operator";

    private readonly string dataFolder;

    private TelemetryHub(string dataFolder, TestFeedServer server, TestFeedHub hub, HttpClient api, Guid sourceId)
    {
        this.dataFolder = dataFolder;
        Server = server;
        Hub = hub;
        Api = api;
        SourceId = sourceId;
    }

    public TestFeedServer Server { get; }

    public TestFeedHub Hub { get; }

    public HttpClient Api { get; }

    public Guid SourceId { get; }

    public string DataFolder => dataFolder;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Starts both, and waits until the start-up poll has stored the first edition's three items.</summary>
    public static async Task<TelemetryHub> StartAsync(Action<IDictionary<string, string?>>? configure = null, bool awaitFirstPoll = true)
    {
        var dataFolder = Directory.CreateTempSubdirectory("feedhub-telemetry-").FullName;
        var server = await TestFeedServer.StartAsync();
        server.Publish(Feed, VietnameseNewsFeed.Render(VietnameseNewsFeed.FirstEdition));
        var settings = new Dictionary<string, string?>
        {
            ["FeedHub:Sources:0:Name"] = SourceName,
            ["FeedHub:Sources:0:Url"] = server.UrlOf(Feed).AbsoluteUri,
            ["FeedHub:Sources:0:Interval"] = "01:00:00",
            ["FeedHub:Sources:0:TimeZone"] = "Asia/Ho_Chi_Minh",
            ["FeedHub:ApiKeys:0:Name"] = "operator",
            ["FeedHub:ApiKeys:0:Hash"] = ApiKeyHash.Of(OperatorKey),
            ["FeedHub:ApiKeys:0:Role"] = "Operator",
            ["FeedHub:Api:RequestsPerMinute"] = "100000",
        };
        configure?.Invoke(settings);

        var hub = await TestFeedHub.StartAsync(dataFolder, settings, Cancellation);
        var api = new HttpClient { BaseAddress = hub.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorKey);
        var sourceId = await hub.WithDbAsync(db => db.Sources.AsNoTracking().Where(s => s.Name == SourceName).Select(s => s.Id).SingleAsync(Cancellation));
        var started = new TelemetryHub(dataFolder, server, hub, api, sourceId);
        if (awaitFirstPoll)
        {
            await Eventually.HoldsAsync(
                async () => await hub.WithDbAsync(db => db.Items.CountAsync(i => i.SourceId == sourceId, Cancellation)) == 3,
                "the start-up poll stored the first edition",
                TimeSpan.FromSeconds(20));

            // The job plans the next poll (an hour away) only after the poll has reported itself: then it is over.
            await Eventually.HoldsAsync(
                async () => await hub.WithDbAsync(db => db.Sources.Where(s => s.Id == sourceId).Select(s => s.NextPollAt).SingleAsync(Cancellation)) is { } next
                    && next > TimeProvider.System.GetUtcNow().AddMinutes(30),
                "the start-up poll has ended and the next one is planned",
                TimeSpan.FromSeconds(20));
            await Eventually.HoldsAsync(
                async () => await hub.WithDbAsync(db => db.Outbox.CountAsync(m => m.SentAt == null, Cancellation)) == 0,
                "the start-up poll's messages are published",
                TimeSpan.FromSeconds(20));
        }

        return started;
    }

    /// <summary>POST /api/sources/{id}/poll: polls now and answers what happened.</summary>
    public async Task<JsonElement> PollNowAsync()
    {
        using var response = await Api.PostAsync(new Uri($"/api/sources/{SourceId}/poll", UriKind.Relative), null, Cancellation);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"poll now answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>A GET without the API key, as a platform's probe or scraper sends it.</summary>
    public async Task<(HttpStatusCode Status, string ContentType, string Body)> ProbeAsync(string path)
    {
        using var plain = new HttpClient { BaseAddress = Hub.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await plain.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? string.Empty, await response.Content.ReadAsStringAsync(Cancellation));
    }

    public void PublishSecondEdition() => Server.Publish(Feed, VietnameseNewsFeed.Render(VietnameseNewsFeed.SecondEdition));

    /// <summary>A web page where the feed was: the poll fails with the "NotAFeed" class.</summary>
    public void ReplaceFeedWithAPage() => Server.Publish(Feed, "<!DOCTYPE html><html><head><title>Trang chủ</title></head><body><p>Không phải nguồn tin.</p></body></html>");

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Hub.DisposeAsync();
        await Server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(dataFolder))
        {
            Directory.Delete(dataFolder, recursive: true);
        }
    }
}
