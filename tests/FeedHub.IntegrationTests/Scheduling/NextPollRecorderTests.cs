using System.Data.Common;
using FeedHub.IntegrationTests.Storage;
using FeedHub.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FeedHub.IntegrationTests.Scheduling;

/// <summary>Planned polls are written onto the source rows without holding up the polls that save those rows.</summary>
public sealed class NextPollRecorderTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 19, 9, 0, 0, TimeSpan.Zero);
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_poll_saving_its_source_is_not_held_up_while_the_rest_of_a_schedule_is_recorded(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var first = await database.AddSourceAsync("https://a.example.test/rss", "Báo A");
        var second = await database.AddSourceAsync("https://b.example.test/rss", "Báo B");

        // Once the first source's plan is written, its poll finishes and saves the source, as the scheduler's
        // polls do while a synchronization records thousands of plans.
        var poll = new AfterFirstWrite(() => RenameAsync(database, first.Id, "Báo A – Thời sự"));
        var services = new ServiceCollection().AddLogging().AddSingleton<NextPollRecorder>();
        database.AddTo(services, poll);
        await using var provided = services.BuildServiceProvider();

        await provided.GetRequiredService<NextPollRecorder>().RecordAsync(
            [(first.Id, new PlannedPoll(Now.AddMinutes(5), "interval")), (second.Id, new PlannedPoll(Now.AddMinutes(6), "interval"))],
            Cancellation);

        Assert.Null(poll.Failure);
        await using var db = database.Open();
        var sources = await db.Sources.AsNoTracking().OrderBy(s => s.Name).ToListAsync(Cancellation);
        Assert.Equal(["Báo A – Thời sự", null], sources.Select(s => s.FeedTitle));
        Assert.Equal([Now.AddMinutes(5), Now.AddMinutes(6)], sources.Select(s => s.NextPollAt));
    }

    private static async Task RenameAsync(TestDatabase database, Guid sourceId, string feedTitle)
    {
        // Bounded: a save that waits on the recorder's locks would otherwise wait for ever, the recorder waiting on it.
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        bound.CancelAfter(TimeSpan.FromSeconds(15));
        await using var db = database.Open();
        db.Database.SetCommandTimeout(TimeSpan.FromSeconds(15));
        var source = await db.Sources.SingleAsync(s => s.Id == sourceId, bound.Token);
        source.FeedTitle = feedTitle;
        await db.SaveChangesAsync(bound.Token);
    }

    /// <summary>Runs another writer once, right after this context's first write has executed.</summary>
    private sealed class AfterFirstWrite(Func<Task> other) : DbCommandInterceptor
    {
        private bool ran;

        public Exception? Failure { get; private set; }

        public override async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (!ran)
            {
                ran = true;
                try
                {
                    await other();
                }
                catch (Exception ex) when (ex is OperationCanceledException or DbException or DbUpdateException or InvalidOperationException)
                {
                    Failure = ex;
                }
            }

            return result;
        }
    }
}
