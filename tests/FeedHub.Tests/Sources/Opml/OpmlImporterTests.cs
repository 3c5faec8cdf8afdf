using System.Diagnostics;
using System.Text;
using FeedHub.Sources;
using FeedHub.Sources.Opml;
using FeedHub.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace FeedHub.Tests.Sources.Opml;

/// <summary>The importer on a real, migrated SQLite database: the unique URL index and batching are under test.</summary>
public sealed class OpmlImporterTests : IAsyncLifetime
{
    private readonly string dataFolder = Directory.CreateTempSubdirectory("feedhub-opml-").FullName;
    private ServiceProvider services = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:FeedHub"] = $"Data Source={Path.Combine(dataFolder, "feedhub.db")}" })
            .Build();
        services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddStorage(configuration)
            .AddScoped<SourceEditor>()
            .AddScoped<OpmlImporter>()
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(Cancellation);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataFolder, recursive: true);
    }

    [Fact]
    public async Task Adds_each_feed_with_its_folders_as_tags_and_the_default_interval()
    {
        var result = await ImportAsync("feedly-folders.opml");

        Assert.Equal((4, 4), (result.Total, result.Added));
        Assert.Empty(result.Duplicates);
        Assert.Empty(result.Invalid);
        var sources = await SourcesAsync();
        var vnexpress = Assert.Single(sources, s => s.Url == "https://vnexpress.example.vn/rss/tin-moi-nhat.rss");
        Assert.Equal("VnExpress - Tin mới nhất", vnexpress.Name);
        Assert.Equal(["Tin tức"], vnexpress.Tags);
        Assert.Null(vnexpress.Interval);
        Assert.Equal(SourceOrigin.Api, vnexpress.Origin);
        Assert.Equal("https://vnexpress.example.vn/", vnexpress.SiteLink);
        Assert.Empty(Assert.Single(sources, s => s.Name == "Unfiled blog").Tags);
    }

    [Fact]
    public async Task A_feed_listed_twice_is_added_once_with_both_folders_and_the_repeat_is_a_duplicate()
    {
        var result = await ImportAsync("inoreader-categories.opml");

        Assert.Equal(4, result.Total);
        Assert.Equal(3, result.Added);
        var duplicate = Assert.Single(result.Duplicates);
        Assert.Equal("https://feeds.example.co.uk/news/world/rss.xml", duplicate.Url);
        Assert.Equal("BBC World (again)", duplicate.Title);
        var bbc = Assert.Single(await SourcesAsync(), s => s.Url == duplicate.Url);
        Assert.Equal(bbc.Id, duplicate.ExistingId);
        Assert.Equal(["News", "World", "Europe", "Radio", "Favourites"], bbc.Tags);
    }

    [Fact]
    public async Task Feeds_already_stored_are_reported_with_their_ids_not_added_again()
    {
        await ImportAsync("feedly-folders.opml");
        var stored = await SourcesAsync();

        var again = await ImportAsync("feedly-folders.opml");

        Assert.Equal(0, again.Added);
        Assert.Equal(4, again.Duplicates.Count);
        Assert.Equal(stored.Single(s => s.Name == "Tuổi Trẻ").Id, again.Duplicates[1].ExistingId);
        Assert.Equal(4, (await SourcesAsync()).Count);
    }

    [Fact]
    public async Task Outlines_that_cannot_be_sources_are_reported_with_the_reason()
    {
        var result = await ImportAsync("netnewswire-nested.opml");

        Assert.Equal(3, result.Total);
        Assert.Equal(1, result.Added);
        Assert.Equal(2, result.Invalid.Count);
        Assert.Equal("Broken entry", result.Invalid[0].Title);
        Assert.StartsWith("url is missing", Assert.Single(result.Invalid[0].Errors), StringComparison.Ordinal);
        Assert.Equal("gopher://old.example.com/feed", result.Invalid[1].Url);
        Assert.StartsWith("url must be an absolute http or https URL", Assert.Single(result.Invalid[1].Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_archived_source_comes_back_with_the_imported_tags()
    {
        await ImportAsync("feedly-folders.opml");
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FeedHubDbContext>();
            await db.Sources.Where(s => s.Name == "Ars Technica").ExecuteUpdateAsync(s => s.SetProperty(x => x.ArchivedAt, DateTimeOffset.UnixEpoch).SetProperty(x => x.Tags, new List<string>()), Cancellation);
        }

        var again = await ImportAsync("feedly-folders.opml");

        Assert.Equal(1, again.Added);
        var ars = Assert.Single(await SourcesAsync(), s => s.Name == "Ars Technica");
        Assert.Null(ars.ArchivedAt);
        Assert.Equal(["Tech"], ars.Tags);
    }

    [Fact]
    public async Task Imports_5000_outlines_in_batches_reporting_progress_every_100()
    {
        var feeds = Assert.IsType<OpmlReadResult.Read>(OpmlReader.Read(Encoding.UTF8.GetBytes(OpmlFixtures.Generated(5000)))).Feeds;
        var progress = new List<OpmlImportProgress>();

        var clock = Stopwatch.StartNew();
        var result = await ImportAsync(feeds, progress);
        clock.Stop();

        TestContext.Current.SendDiagnosticMessage($"OPML import of 5000 outlines into SQLite: {clock.ElapsedMilliseconds} ms");
        Assert.Equal(5000, result.Added);
        Assert.Equal(5000, (await SourcesAsync()).Count);
        Assert.Equal(51, progress.Count);
        Assert.Equal(new OpmlImportProgress(5000, 5000), progress[^1]);
        Assert.All(progress.Zip(progress.Skip(1)), pair => Assert.Equal(100, pair.Second.Processed - pair.First.Processed));

        // Generous for a shared CI machine; one commit per source took far longer (see the report with this change).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    private async Task<OpmlImportResult> ImportAsync(string fixture) =>
        await ImportAsync(Assert.IsType<OpmlReadResult.Read>(OpmlReader.Read(OpmlFixtures.Bytes(fixture))).Feeds, []);

    private async Task<OpmlImportResult> ImportAsync(IReadOnlyList<OpmlFeed> feeds, List<OpmlImportProgress> progress)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OpmlImporter>().ImportAsync(
            feeds,
            (step, _) =>
            {
                progress.Add(step);
                return Task.CompletedTask;
            },
            Cancellation);
    }

    private async Task<List<Source>> SourcesAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FeedHubDbContext>().Sources.AsNoTracking().ToListAsync(Cancellation);
    }
}
