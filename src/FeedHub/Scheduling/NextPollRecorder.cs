using FeedHub.Storage;
using Microsoft.EntityFrameworkCore;

namespace FeedHub.Scheduling;

/// <summary>
/// Writes each source's planned poll onto its row, where every node (API nodes have no scheduler of
/// their own) can show it. Best effort: a schedule is never held up by a failed write.
/// Each row is its own statement, committed at once: one transaction over a whole synchronization held the
/// lock on every source row it had written until the last, and every poll saving its source waited for it.
/// </summary>
internal sealed partial class NextPollRecorder(IServiceScopeFactory scopes, ILogger<NextPollRecorder> logger)
{
    public async Task RecordAsync(IReadOnlyCollection<(Guid SourceId, PlannedPoll Poll)> planned, CancellationToken cancellationToken)
    {
        if (planned.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FeedHubDbContext>();
            foreach (var (sourceId, poll) in planned)
            {
                var reason = ColumnLimits.Shorten(poll.Reason, ColumnLimits.NextPollReason);
                await db.Sources.Where(s => s.Id == sourceId)
                    .ExecuteUpdateAsync(set => set.SetProperty(s => s.NextPollAt, poll.At).SetProperty(s => s.NextPollReason, reason), cancellationToken)
                    .ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            LogFailed(logger, planned.Count, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the next poll time of {Count} source(s): {Reason}")]
    private static partial void LogFailed(ILogger logger, int count, string reason);
}
