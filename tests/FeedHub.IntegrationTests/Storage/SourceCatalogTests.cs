using FeedHub.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FeedHub.IntegrationTests.Storage;

public sealed class SourceCatalogTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Configured_sources_are_added_then_updated_in_place(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SyncAsync(database, new SourceDefinition { Url = "https://vnexpress.net/rss/tin-moi-nhat.rss", Name = "VnExpress", Tags = ["vi"] });
        await SyncAsync(database, new SourceDefinition { Url = "https://vnexpress.net/rss/tin-moi-nhat.rss", Name = "VnExpress mới", Interval = TimeSpan.FromMinutes(5) });

        await using var db = database.Open();
        var source = await db.Sources.SingleAsync(Cancellation);
        Assert.Equal("VnExpress mới", source.Name);
        Assert.Equal(TimeSpan.FromMinutes(5), source.Interval);
        Assert.Empty(source.Tags);
        Assert.Equal(SourceOrigin.Configuration, source.Origin);
        Assert.Equal(SourceUrl.IdFor(new Uri("https://vnexpress.net/rss/tin-moi-nhat.rss")), source.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_source_removed_from_configuration_is_disabled_not_deleted(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SyncAsync(database,
            new SourceDefinition { Url = "https://vnexpress.net/rss/tin-moi-nhat.rss" },
            new SourceDefinition { Url = "https://tuoitre.vn/rss/tin-moi-nhat.rss" });
        await SyncAsync(database, new SourceDefinition { Url = "https://vnexpress.net/rss/tin-moi-nhat.rss" });

        await using var db = database.Open();
        var sources = await db.Sources.OrderBy(s => s.Url).ToListAsync(Cancellation);
        Assert.Equal(2, sources.Count);
        Assert.False(sources.Single(s => s.Url.Contains("tuoitre", StringComparison.Ordinal)).Enabled);
        Assert.True(sources.Single(s => s.Url.Contains("vnexpress", StringComparison.Ordinal)).Enabled);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_source_without_a_name_is_named_after_its_host(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SyncAsync(database, new SourceDefinition { Url = "https://baochinhphu.vn/rss/home.rss" });

        await using var db = database.Open();
        Assert.Equal("baochinhphu.vn", (await db.Sources.SingleAsync(Cancellation)).Name);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Nodes_syncing_the_same_configuration_at_once_all_succeed(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var sources = Enumerable.Range(0, 20).Select(i => new SourceDefinition { Url = $"https://news.example.test/{i}.rss" }).ToArray();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => SyncAsync(database, sources), Cancellation)));

        await using var db = database.Open();
        Assert.Equal(20, await db.Sources.CountAsync(Cancellation));
    }

    private static async Task SyncAsync(TestDatabase database, params SourceDefinition[] sources)
    {
        await using var db = database.Open();
        var catalog = new SourceCatalog(db, new FixedOptions(new SourcesOptions { Sources = [.. sources] }), TimeProvider.System, NullLogger<SourceCatalog>.Instance);
        await catalog.SyncConfiguredAsync(Cancellation);
    }

    private sealed class FixedOptions(SourcesOptions value) : IOptionsMonitor<SourcesOptions>
    {
        public SourcesOptions CurrentValue => value;

        public SourcesOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SourcesOptions, string?> listener) => null;
    }
}
