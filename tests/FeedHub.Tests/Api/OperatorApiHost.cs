using System.Net.Http.Headers;
using System.Text.Json;
using FeedHub.Api;
using FeedHub.Tests.EndToEnd;
using Xunit;

namespace FeedHub.Tests.Api;

/// <summary>
/// A running FeedHub with an operator key and a read-only key, beside a local feed server serving a
/// Vietnamese feed at vn.xml: what the operator API tests share.
/// </summary>
internal sealed class OperatorApiHost : IAsyncDisposable
{
    public const string OperatorKey = "fh_test_operator_key";
    public const string ReaderKey = "fh_test_reader_key";
    private readonly string dataFolder;

    private OperatorApiHost(string dataFolder, TestFeedServer feeds, TestFeedHub hub)
    {
        this.dataFolder = dataFolder;
        Feeds = feeds;
        Hub = hub;
    }

    public TestFeedServer Feeds { get; }

    public TestFeedHub Hub { get; }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static async Task<OperatorApiHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var dataFolder = Directory.CreateTempSubdirectory("feedhub-api-").FullName;
        var feeds = await TestFeedServer.StartAsync();
        feeds.Publish("vn.xml", VietnameseNewsFeed.Render(VietnameseNewsFeed.FirstEdition));
        var configuration = new Dictionary<string, string?>
        {
            ["FeedHub:ApiKeys:0:Name"] = "operator",
            ["FeedHub:ApiKeys:0:Hash"] = ApiKeyHash.Of(OperatorKey),
            ["FeedHub:ApiKeys:0:Role"] = "Operator",
            ["FeedHub:ApiKeys:1:Name"] = "reader",
            ["FeedHub:ApiKeys:1:Hash"] = ApiKeyHash.Of(ReaderKey),
            ["FeedHub:ApiKeys:1:Role"] = "ReadOnly",
            ["FeedHub:Scheduler:SyncInterval"] = "00:00:00.500",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var hub = await TestFeedHub.StartAsync(dataFolder, configuration, Cancellation);
        return new OperatorApiHost(dataFolder, feeds, hub);
    }

    public HttpClient Client(string? key = OperatorKey)
    {
        var http = new HttpClient { BaseAddress = Hub.BaseAddress };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return http;
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement.Clone();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        await Feeds.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataFolder, recursive: true);
    }
}
