using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FeedHub.Api;
using FeedHub.Tests.EndToEnd;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace FeedHub.Tests.Faults;

/// <summary>
/// A whole FeedHub polling two sources of a <see cref="FaultyFeedHost"/>: "faulty", which a test makes
/// misbehave, and "healthy", which keeps publishing. The faulty source's interval is an hour, so after
/// its first poll at start-up it is polled only when the test says (POST /api/sources/{id}/poll): the
/// tests never depend on how often (or with what backoff) a failing source is polled, and no scheduled
/// poll races the test's own. The healthy source is polled every 300 ms by the scheduler.
/// </summary>
internal sealed class FaultScenario : IAsyncDisposable
{
    public const string Faulty = "faulty";
    public const string Healthy = "healthy";
    public const string OperatorKey = "fh_test_fault_operator";

    /// <summary>Each fetch may take this long, headers and body: short, so slow servers cost a test little.</summary>
    public static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(2);

    public const int MaxBodyBytes = 64 * 1024;

    private readonly string dataFolder;
    private int nextHealthyItem = 2;

    private FaultScenario(string dataFolder, FaultyFeedHost feeds, TestFeedHub hub, HttpClient api)
    {
        this.dataFolder = dataFolder;
        Feeds = feeds;
        Hub = hub;
        Api = api;
    }

    public FaultyFeedHost Feeds { get; }

    public TestFeedHub Hub { get; }

    public HttpClient Api { get; }

    public Guid FaultyId { get; private set; }

    public Guid HealthyId { get; private set; }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Starts both, and waits until the first poll of each source has stored its items.</summary>
    public static async Task<FaultScenario> StartAsync(Action<string, IDictionary<string, string?>>? configure = null)
    {
        var dataFolder = Directory.CreateTempSubdirectory("feedhub-faults-").FullName;
        var feeds = await FaultyFeedHost.StartAsync();
        feeds.Publish(Faulty, "f-1", "f-2");
        feeds.Publish(Healthy, "h-1");
        var settings = new Dictionary<string, string?>
        {
            ["FeedHub:Sources:0:Name"] = Faulty,
            ["FeedHub:Sources:0:Url"] = feeds.UrlOf(Faulty).AbsoluteUri,
            ["FeedHub:Sources:0:Interval"] = "01:00:00",
            ["FeedHub:Sources:1:Name"] = Healthy,
            ["FeedHub:Sources:1:Url"] = feeds.UrlOf(Healthy).AbsoluteUri,
            ["FeedHub:Sources:1:Interval"] = "00:00:00.300",
            ["FeedHub:Fetching:Timeout"] = FetchTimeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["FeedHub:Fetching:MaxBodyBytes"] = MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FeedHub:Fetching:MaxRedirects"] = "3",
            ["FeedHub:ApiKeys:0:Name"] = "operator",
            ["FeedHub:ApiKeys:0:Hash"] = ApiKeyHash.Of(OperatorKey),
            ["FeedHub:ApiKeys:0:Role"] = "Operator",
            ["FeedHub:Api:RequestsPerMinute"] = "100000",
            ["FeedHub:Publishing:MaxRetryDelay"] = "00:00:00.500",

            // The health of sources is logged as warnings on purpose here; keep the test output for failures.
            ["Logging:LogLevel:Default"] = "None",
        };
        configure?.Invoke(dataFolder, settings);

        var hub = await TestFeedHub.StartAsync(dataFolder, settings, Cancellation);
        var api = new HttpClient { BaseAddress = hub.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorKey);
        var scenario = new FaultScenario(dataFolder, feeds, hub, api);
        var sources = await hub.WithDbAsync(db => db.Sources.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Id, Cancellation));
        scenario.FaultyId = sources[Faulty];
        scenario.HealthyId = sources[Healthy];

        await Eventually.HoldsAsync(
            async () => (await scenario.StoredGuidsAsync(Faulty)).Count == 2 && (await scenario.StoredGuidsAsync(Healthy)).Count == 1,
            "the first poll of both sources stored their items",
            TimeSpan.FromSeconds(20));
        var health = await scenario.HealthAsync(scenario.FaultyId);
        Assert.Equal("healthy", health.GetProperty("state").GetString());
        return scenario;
    }

    /// <summary>
    /// The whole story of one fault: the faulty source misbehaves while it has a new item (f-3); polling it
    /// fails with <paramref name="kind"/> as often as asked while the healthy source goes on being polled;
    /// the service stays up; the source's health says what happened; nothing stored is lost; and once the
    /// server behaves, the next poll stores f-3 (once, published once) and the source is healthy again.
    /// </summary>
    /// <param name="status">The status the health must report, or null to leave it unasserted.</param>
    /// <returns>The faulty source's health while it was failing, for further checks.</returns>
    public async Task<JsonElement> AssertFailsCleanlyAndRecoversAsync(Fault fault, string kind, int? status, string errorMentions, int failingPolls = 1)
    {
        Feeds.Misbehave(Faulty, fault);
        Feeds.Publish(Faulty, "f-3");
        for (var attempt = 1; attempt <= failingPolls; attempt++)
        {
            // A slow fault keeps this poll in flight for seconds: the healthy source is polled meanwhile.
            var polling = PollNowAsync(FaultyId);
            if (attempt == 1)
            {
                await AssertHealthySourceKeepsBeingPolledAsync();
            }

            var poll = await polling;
            Assert.Equal("failed", poll.GetProperty("outcome").GetString());
            Assert.Equal(kind, poll.GetProperty("failure").GetString());
        }

        Assert.True(Feeds.FaultyRequestsFor(Faulty) >= failingPolls, $"the server misbehaved {Feeds.FaultyRequestsFor(Faulty)} time(s), fewer than the {failingPolls} poll(s)");
        await AssertAliveAsync();
        await AssertHealthySourceKeepsBeingPolledAsync();

        var health = await HealthAsync(FaultyId);
        Assert.Equal("failing", health.GetProperty("state").GetString());
        Assert.Equal(kind, health.GetProperty("lastFailureKind").GetString());
        Assert.Equal(failingPolls, health.GetProperty("consecutiveFailures").GetInt32());
        var error = health.GetProperty("lastError").GetString();
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.Contains(errorMentions, error, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, health.GetProperty("lastSuccessAt").ValueKind);
        if (status is { } expected)
        {
            Assert.Equal(expected, health.GetProperty("lastStatusCode").GetInt32());
        }

        Assert.Equal("healthy", (await HealthAsync(HealthyId)).GetProperty("state").GetString());
        Assert.Equal(["f-1", "f-2"], await StoredGuidsAsync(Faulty));

        Feeds.Heal(Faulty);
        var recovered = await PollNowAsync(FaultyId);
        Assert.Equal("fetched", recovered.GetProperty("outcome").GetString());
        Assert.Equal(1, recovered.GetProperty("added").GetInt32());
        AssertHealthy(recovered.GetProperty("source").GetProperty("health"));
        AssertHealthy(await HealthAsync(FaultyId));
        Assert.Equal(["f-1", "f-2", "f-3"], await StoredGuidsAsync(Faulty));
        await AssertPublishedOnceAsync(Faulty, "f-1", "f-2", "f-3");
        return health;
    }

    public static void AssertHealthy(JsonElement health)
    {
        Assert.Equal("healthy", health.GetProperty("state").GetString());
        Assert.Equal(0, health.GetProperty("consecutiveFailures").GetInt32());
        Assert.Equal(JsonValueKind.Null, health.GetProperty("lastFailureKind").ValueKind);
        Assert.Equal(JsonValueKind.Null, health.GetProperty("lastError").ValueKind);
    }

    /// <summary>POST /api/sources/{id}/poll: polls now, as the scheduler would, and answers what happened.</summary>
    public async Task<JsonElement> PollNowAsync(Guid sourceId)
    {
        using var response = await Api.PostAsync(new Uri($"/api/sources/{sourceId}/poll", UriKind.Relative), null, Cancellation);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"poll now answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The source's health as operators see it: the "health" object of GET /api/sources/{id}.</summary>
    public async Task<JsonElement> HealthAsync(Guid sourceId)
    {
        using var response = await Api.GetAsync(new Uri($"/api/sources/{sourceId}", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        return JsonDocument.Parse(body).RootElement.GetProperty("health").Clone();
    }

    /// <summary>The feed guids stored for a source, one entry per stored row.</summary>
    public Task<List<string>> StoredGuidsAsync(string source)
    {
        var id = source == Faulty ? FaultyId : HealthyId;
        return Hub.WithDbAsync(db => db.Items.AsNoTracking()
            .Where(i => i.SourceId == id)
            .Select(i => i.FeedGuid!)
            .OrderBy(g => g)
            .ToListAsync(Cancellation));
    }

    /// <summary>The feed guids of the FeedItemPublished messages a subscriber received for a source, one per delivery.</summary>
    public List<string> PublishedGuids(string source) =>
        [.. Hub.Messages.Published.Where(p => p.Message.Source.Name == source).Select(p => p.Message.Item.FeedGuid!).Order(StringComparer.Ordinal)];

    /// <summary>/healthz answers 200: the process is up.</summary>
    public async Task AssertAliveAsync()
    {
        using var plain = new HttpClient { BaseAddress = Hub.BaseAddress };
        using var response = await plain.GetAsync(new Uri("/healthz", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Publishes one more item on the healthy source and waits until the scheduler has stored it.</summary>
    public async Task AssertHealthySourceKeepsBeingPolledAsync(TimeSpan? within = null)
    {
        var guid = $"h-{nextHealthyItem++}";
        Feeds.Publish(Healthy, guid);
        await Eventually.HoldsAsync(
            async () => (await StoredGuidsAsync(Healthy)).Contains(guid),
            $"the healthy source's new item {guid} is stored by a scheduled poll",
            within ?? TimeSpan.FromSeconds(15));
    }

    /// <summary>Waits until the outbox has nothing pending (every stored item was handed to the bus).</summary>
    public Task OutboxDrainedAsync() =>
        Eventually.HoldsAsync(
            async () => await Hub.WithDbAsync(db => db.Outbox.CountAsync(m => m.SentAt == null, Cancellation)) == 0,
            "the outbox is drained",
            TimeSpan.FromSeconds(15));

    /// <summary>Waits until a subscriber has received exactly these items of a source, and holds there.</summary>
    public async Task AssertPublishedOnceAsync(string source, params string[] guids)
    {
        var expected = guids.Order(StringComparer.Ordinal).ToList();
        await Eventually.HoldsAsync(() => PublishedGuids(source).Count >= expected.Count, $"{string.Join(", ", guids)} are published", TimeSpan.FromSeconds(15));
        await OutboxDrainedAsync();
        Assert.Equal(expected, PublishedGuids(source));
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Hub.DisposeAsync();
        await Feeds.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataFolder, recursive: true);
    }
}
