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

        await RefreshUrlHashesAsync(cancellationToken).ConfigureAwait(false);
        await FillSearchTextAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sources stored before Sources.UrlHash existed got a placeholder from the migration (SQL cannot
    /// compute SHA-256 on every provider); the real hash is filled in here. Sources are few, so checking
    /// them all on each start costs little and also repairs rows written by any other means.
    /// </summary>
    private async Task RefreshUrlHashesAsync(CancellationToken cancellationToken)
    {
        var changed = false;
        foreach (var source in await db.Sources.ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            changed |= source.RefreshUrlHash();
        }

        if (changed)
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Items stored before Items.SearchText existed get it here, in batches, so searches find them too.</summary>
    private async Task FillSearchTextAsync(CancellationToken cancellationToken)
    {
        const int batchSize = 500;
        var filled = 0;
        while (true)
        {
            var batch = await db.Items.Where(i => i.SearchText == null).OrderBy(i => i.Id).Take(batchSize).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var item in batch)
            {
                item.SearchText = ItemSearchText.Of(item);
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            filled += batch.Count;
            if (batch.Count < batchSize)
            {
                break;
            }
        }

        if (filled > 0)
        {
            logger.LogInformation("Filled the search text of {Count} stored item(s)", filled);
        }
    }
}
