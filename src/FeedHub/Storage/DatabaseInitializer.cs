using Microsoft.EntityFrameworkCore;

namespace FeedHub.Storage;

/// <summary>Brings the database to the current schema before anything reads or writes it.</summary>
internal sealed class DatabaseInitializer(FeedHubDbContext db, ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        }

        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);

        if (db.Database.IsSqlite())
        {
            // WAL lets feed readers keep reading while a poll commits.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }
    }
}
