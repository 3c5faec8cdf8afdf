using System.Net;
using FeedHub.Tests.EndToEnd;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace FeedHub.Tests.Faults;

/// <summary>
/// The database fails while polls run: each poll fails as a whole, the service goes on, and the next poll
/// after the database is back stores and publishes every item once. (The broker being unavailable is
/// covered with a real RabbitMQ by FeedHub.IntegrationTests' BrokerOutageTests.)
/// </summary>
public sealed class DatabaseFaultTests : IAsyncLifetime
{
    private FaultScenario scenario = null!;
    private string database = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => scenario = await FaultScenario.StartAsync((folder, settings) =>
    {
        // A write waits one second for a lock, not thirty, so a locked database fails polls quickly.
        database = Path.Combine(folder, "feedhub.db");
        settings["ConnectionStrings:FeedHub"] = $"Data Source={database};Default Timeout=1";
    });

    public ValueTask DisposeAsync() => scenario.DisposeAsync();

    [Fact]
    public async Task A_database_locked_during_polls_fails_them_cleanly_and_the_next_poll_stores_and_publishes_each_item_once()
    {
        await scenario.AssertPublishedOnceAsync(FaultScenario.Faulty, "f-1", "f-2");
        var outboxBefore = await OutboxRowsAsync();
        scenario.Feeds.Publish(FaultScenario.Faulty, "f-3", "f-4");

        await using (var holder = await OpenAsync())
        {
            // Another process takes the write lock and keeps it: every write of FeedHub's now fails.
            await ExecuteAsync(holder, "BEGIN EXCLUSIVE;");
            scenario.Feeds.Publish(FaultScenario.Healthy, "h-2");
            var healthyRequests = scenario.Feeds.RequestsFor(FaultScenario.Healthy);

            using (var poll = await scenario.Api.PostAsync(new Uri($"/api/sources/{scenario.FaultyId}/poll", UriKind.Relative), null, Cancellation))
            {
                Assert.Equal(HttpStatusCode.InternalServerError, poll.StatusCode);
            }

            // The scheduler goes on polling the other source, whose writes fail too, and the service stays up.
            await Eventually.HoldsAsync(
                () => scenario.Feeds.RequestsFor(FaultScenario.Healthy) >= healthyRequests + 2,
                "the healthy source is polled twice more while the database is locked",
                TimeSpan.FromSeconds(15));
            await scenario.AssertAliveAsync();

            // Nothing of the failed polls was written (WAL lets readers in while the lock is held).
            Assert.Equal(["f-1", "f-2"], await scenario.StoredGuidsAsync(FaultScenario.Faulty));
            Assert.Equal(["h-1"], await scenario.StoredGuidsAsync(FaultScenario.Healthy));
            Assert.Equal(outboxBefore, await OutboxRowsAsync());

            await ExecuteAsync(holder, "ROLLBACK;");
        }

        // The scheduler's next poll of the healthy source stores what the locked ones could not.
        await Eventually.HoldsAsync(
            async () => (await scenario.StoredGuidsAsync(FaultScenario.Healthy)).Contains("h-2"),
            "the healthy source's item from during the outage is stored",
            TimeSpan.FromSeconds(15));

        await AssertNextPollStoresBothItemsAsync();
        await scenario.AssertPublishedOnceAsync(FaultScenario.Healthy, "h-1", "h-2");
    }

    [Fact]
    public async Task A_write_that_fails_halfway_leaves_no_item_and_no_outbox_row_behind()
    {
        await scenario.AssertPublishedOnceAsync(FaultScenario.Faulty, "f-1", "f-2");
        var outboxBefore = await OutboxRowsAsync();
        var healthBefore = await scenario.HealthAsync(scenario.FaultyId);
        scenario.Feeds.Publish(FaultScenario.Faulty, "f-3", "f-4");

        await using (var admin = await OpenAsync())
        {
            // The first of the two new items goes in; the second fails, as a full disk or a lost connection would.
            await ExecuteAsync(admin, $"""
                CREATE TRIGGER fail_midway AFTER INSERT ON Items
                WHEN (SELECT COUNT(*) FROM Items WHERE SourceId = NEW.SourceId) > 3
                BEGIN SELECT RAISE(ABORT, 'simulated failure in the middle of the write'); END;
                """);

            using (var poll = await scenario.Api.PostAsync(new Uri($"/api/sources/{scenario.FaultyId}/poll", UriKind.Relative), null, Cancellation))
            {
                Assert.Equal(HttpStatusCode.InternalServerError, poll.StatusCode);
            }

            await scenario.AssertAliveAsync();
            await scenario.AssertHealthySourceKeepsBeingPolledAsync();
            Assert.Equal(["f-1", "f-2"], await scenario.StoredGuidsAsync(FaultScenario.Faulty));
            Assert.Equal(outboxBefore + 1, await OutboxRowsAsync());
            Assert.Equal(
                healthBefore.GetProperty("lastAttemptAt").GetDateTimeOffset(),
                (await scenario.HealthAsync(scenario.FaultyId)).GetProperty("lastAttemptAt").GetDateTimeOffset());

            await ExecuteAsync(admin, "DROP TRIGGER fail_midway;");
        }

        await AssertNextPollStoresBothItemsAsync();
    }

    private async Task AssertNextPollStoresBothItemsAsync()
    {
        // Both sources share one host; on a loaded machine the scheduler's poll of the other may hold the host's
        // turn past poll-now's 10 s wait, and "deferred" is then the right answer: ask again, a bounded few times.
        var recovered = await scenario.PollNowAsync(scenario.FaultyId);
        for (var attempt = 0; attempt < 5 && recovered.GetProperty("outcome").GetString() == "deferred"; attempt++)
        {
            recovered = await scenario.PollNowAsync(scenario.FaultyId);
        }

        Assert.Equal("fetched", recovered.GetProperty("outcome").GetString());
        Assert.Equal(2, recovered.GetProperty("added").GetInt32());
        FaultScenario.AssertHealthy(recovered.GetProperty("source").GetProperty("health"));
        Assert.Equal(["f-1", "f-2", "f-3", "f-4"], await scenario.StoredGuidsAsync(FaultScenario.Faulty));
        await scenario.AssertPublishedOnceAsync(FaultScenario.Faulty, "f-1", "f-2", "f-3", "f-4");
    }

    private Task<int> OutboxRowsAsync() => scenario.Hub.WithDbAsync(db => db.Outbox.CountAsync(Cancellation));

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync(Cancellation);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Cancellation);
    }
}
