using FeedHub.Hosting;
using FeedHub.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;

namespace FeedHub.Tests.EndToEnd;

/// <summary>
/// A whole FeedHub service, built exactly as `feedhub serve` builds it, listening on 127.0.0.1 with its
/// SQLite database in a folder the test owns and a recording consumer on its in-memory bus.
/// </summary>
public sealed class TestFeedHub : IAsyncDisposable
{
    private readonly WebApplication app;

    private TestFeedHub(WebApplication app, PublishedMessages messages)
    {
        this.app = app;
        Messages = messages;
    }

    public PublishedMessages Messages { get; }

    public Uri BaseAddress { get; private set; } = null!;

    internal IServiceProvider Services => app.Services;

    public static async Task<TestFeedHub> StartAsync(string dataFolder, IDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var messages = new PublishedMessages();
        var configuration = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["urls"] = "http://127.0.0.1:0",
            ["ConnectionStrings:FeedHub"] = $"Data Source={Path.Combine(dataFolder, "feedhub.db")}",
            ["FeedHub:Fetching:AllowPrivateNetworks"] = "true",
            ["FeedHub:Scheduler:FirstPollSpread"] = "00:00:00.200",
            ["FeedHub:Publishing:SweepInterval"] = "00:00:00.500",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }

        var app = FeedHubHost.Build([], new FeedHubHostOptions
        {
            ContentRoot = dataFolder,
            ConfigureConfiguration = builder => builder.AddInMemoryCollection(configuration),
            ConfigureBus = bus =>
            {
                bus.AddSingleton(messages);
                bus.AddConsumer<RecordingConsumer>();
            },
        });
        await app.InitializeAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        var hub = new TestFeedHub(app, messages);
        hub.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        return hub;
    }

    internal async Task<T> WithDbAsync<T>(Func<FeedHubDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<FeedHubDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
