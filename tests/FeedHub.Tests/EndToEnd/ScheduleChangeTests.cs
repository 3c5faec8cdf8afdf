using Microsoft.EntityFrameworkCore;
using Xunit;

namespace FeedHub.Tests.EndToEnd;

/// <summary>Sources added, changed or removed reach a running service's schedule without a restart.</summary>
public sealed class ScheduleChangeTests : IAsyncLifetime
{
    private readonly string dataFolder = Directory.CreateTempSubdirectory("feedhub-schedule-").FullName;
    private TestFeedServer server = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        server = await TestFeedServer.StartAsync();
        server.Publish("a.xml", VietnameseNewsFeed.Render(VietnameseNewsFeed.FirstEdition));
        server.Publish("b.xml", VietnameseNewsFeed.Render(VietnameseNewsFeed.SecondEdition));
    }

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataFolder, recursive: true);
    }

    [Fact]
    public async Task Editing_appsettings_changes_the_polled_sources_without_a_restart()
    {
        await WriteSourcesAsync("a.xml");
        await using var hub = await TestFeedHub.StartAsync(dataFolder, FastSync(), Cancellation);
        await Eventually.HoldsAsync(() => server.Requests.Any(r => r.Feed == "a.xml"), "source a is polled");

        await WriteSourcesAsync("b.xml");

        await Eventually.HoldsAsync(() => server.Requests.Any(r => r.Feed == "b.xml"), "source b, added to the file, is polled", TimeSpan.FromSeconds(30));
        var removedAt = await WaitForSettledRequestsAsync("a.xml");
        Assert.Equal(removedAt, server.Requests.Count(r => r.Feed == "a.xml"));
        var a = await hub.WithDbAsync(db => db.Sources.SingleAsync(s => s.Url.EndsWith("a.xml"), Cancellation));
        Assert.False(a.Enabled);
    }

    [Fact]
    public async Task A_source_disabled_in_the_database_stops_being_polled()
    {
        await WriteSourcesAsync("a.xml");
        await using var hub = await TestFeedHub.StartAsync(dataFolder, FastSync(), Cancellation);
        await Eventually.HoldsAsync(() => server.Requests.Count(r => r.Feed == "a.xml") >= 2, "source a is polled");

        await hub.WithDbAsync(db => db.Sources.ExecuteUpdateAsync(s => s.SetProperty(x => x.Enabled, false), Cancellation));

        var stoppedAt = await WaitForSettledRequestsAsync("a.xml");
        Assert.Equal(stoppedAt, server.Requests.Count(r => r.Feed == "a.xml"));
    }

    /// <summary>Waits until a feed's request count holds still for a few of its intervals, and returns it.</summary>
    private async Task<int> WaitForSettledRequestsAsync(string feed)
    {
        var last = -1;
        var stableSince = System.Diagnostics.Stopwatch.StartNew();
        await Eventually.HoldsAsync(
            () =>
            {
                var count = server.Requests.Count(r => r.Feed == feed);
                if (count != last)
                {
                    last = count;
                    stableSince.Restart();
                }

                return stableSince.Elapsed > TimeSpan.FromSeconds(2);
            },
            $"{feed} is no longer polled", TimeSpan.FromSeconds(30));
        return last;
    }

    private static Dictionary<string, string?> FastSync() => new()
    {
        ["FeedHub:Scheduler:SyncInterval"] = "00:00:00.500",
    };

    private async Task WriteSourcesAsync(string feed)
    {
        // Only the sources live in the file the service watches; everything else is set in memory by TestFeedHub.
        var json = $$"""
            { "FeedHub": { "Sources": [ { "Name": "{{feed}}", "Url": "{{server.UrlOf(feed).AbsoluteUri}}", "Interval": "00:00:00.200" } ] } }
            """;
        var path = Path.Combine(dataFolder, "appsettings.json");
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, json, Cancellation);
        File.Move(temporary, path, overwrite: true);
    }
}
