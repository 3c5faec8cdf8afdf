using System.Net.Http.Headers;
using System.Text.Json;
using FeedHub.Api;
using FeedHub.Tests.EndToEnd;
using Microsoft.Extensions.Configuration;

namespace FeedHub.Tests.Feeds;

/// <summary>A whole FeedHub with an operator key and two feeds declared in configuration, for merged feed tests.</summary>
internal sealed class FeedsHub : IAsyncDisposable
{
    public const string OperatorKey = "fh_test_operator_key";
    private readonly string dataFolder;

    private FeedsHub(string dataFolder, TestFeedHub hub)
    {
        this.dataFolder = dataFolder;
        Hub = hub;
    }

    public TestFeedHub Hub { get; }

    public static async Task<FeedsHub> StartAsync(CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("feedhub-feeds-").FullName;
        var hub = await TestFeedHub.StartAsync(folder, new Dictionary<string, string?>
        {
            ["FeedHub:ApiKeys:0:Name"] = "operator",
            ["FeedHub:ApiKeys:0:Hash"] = ApiKeyHash.Of(OperatorKey),
            ["FeedHub:ApiKeys:0:Role"] = "Operator",
            ["FeedHub:Feeds:0:Slug"] = "all",
            ["FeedHub:Feeds:0:Title"] = "Tất cả tin",
            ["FeedHub:Feeds:1:Slug"] = "declared",
            ["FeedHub:Feeds:1:Title"] = "Tin tiếng Việt",
            ["FeedHub:Feeds:1:Tags:0"] = "vi",
        }, cancellationToken);
        return new FeedsHub(folder, hub);
    }

    public HttpClient Client(bool asOperator = true)
    {
        var http = new HttpClient { BaseAddress = Hub.BaseAddress };
        if (asOperator)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorKey);
        }

        return http;
    }

    public IConfigurationRoot Configuration => (IConfigurationRoot)Hub.Services.GetRequiredService<IConfiguration>();

    public Task SeedAsync(params object[] entities) => Hub.WithDbAsync(async db =>
    {
        db.AddRange(entities);
        return await db.SaveChangesAsync();
    });

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataFolder, recursive: true);
    }
}
