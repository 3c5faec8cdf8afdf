using FeedHub.Sources;
using FeedHub.Tests.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace FeedHub.Tests.Sources;

public sealed class SourceCatalogTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Configured_sources_are_added_then_updated_in_place()
    {
        await using var database = await TestDatabase.CreateAsync();
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

    [Fact]
    public async Task A_source_removed_from_configuration_is_disabled_not_deleted()
    {
        await using var database = await TestDatabase.CreateAsync();
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

    [Fact]
    public async Task A_source_without_a_name_is_named_after_its_host()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SyncAsync(database, new SourceDefinition { Url = "https://baochinhphu.vn/rss/home.rss" });

        await using var db = database.Open();
        Assert.Equal("baochinhphu.vn", (await db.Sources.SingleAsync(Cancellation)).Name);
    }

    private static async Task SyncAsync(TestDatabase database, params SourceDefinition[] sources)
    {
        await using var db = database.Open();
        var catalog = new SourceCatalog(db, Options.Create(new SourcesOptions { Sources = [.. sources] }), new FakeTimeProvider(), NullLogger<SourceCatalog>.Instance);
        await catalog.SyncConfiguredAsync(Cancellation);
    }
}
