using FeedHub.Storage;
using Microsoft.EntityFrameworkCore;

namespace FeedHub.Sources.Opml;

/// <summary>
/// Adds the feeds of an OPML file as sources, with the rules of <see cref="SourceEditor.AddAsync"/>:
/// valid http(s) URLs only, a URL already polled is reported rather than added, an archived one comes
/// back. Sources are written a batch at a time: one commit per source costs SQLite a disk sync each,
/// which turns a few-thousand-feed import into minutes.
/// </summary>
internal sealed class OpmlImporter(FeedHubDbContext db, SourceEditor editor, TimeProvider time, IServiceProvider services)
{
    private const int BatchSize = 100;

    // Enough hashes per lookup to make few round trips, few enough for any provider's parameter limits.
    private const int LookupChunk = 500;

    public async Task<OpmlImportResult> ImportAsync(
        IReadOnlyList<OpmlFeed> feeds, Func<OpmlImportProgress, CancellationToken, Task>? onProgress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        var plan = OpmlImportPlan.For(feeds);
        var tally = new OpmlImportTally(plan);
        var stored = await StoredSourcesAsync(plan.Entries, cancellationToken).ConfigureAwait(false);
        var processed = plan.Invalid.Count;
        await ReportAsync(onProgress, processed, plan.Total, cancellationToken).ConfigureAwait(false);

        var changed = false;
        foreach (var batch in plan.Entries.Chunk(BatchSize))
        {
            changed |= await ImportBatchAsync(batch, stored, tally, cancellationToken).ConfigureAwait(false);
            processed += batch.Sum(e => e.Listings);
            await ReportAsync(onProgress, processed, plan.Total, cancellationToken).ConfigureAwait(false);
        }

        if (changed)
        {
            SourceEditor.ScheduleNow(services);
        }

        return tally.ToResult();
    }

    /// <summary>Writes one batch in one commit; returns whether any source was added or restored.</summary>
    private async Task<bool> ImportBatchAsync(
        OpmlImportEntry[] batch, Dictionary<string, StoredSource> stored, OpmlImportTally tally, CancellationToken cancellationToken)
    {
        var decided = new List<(OpmlImportEntry Entry, Guid Id, bool Added)>();
        foreach (var entry in batch)
        {
            decided.Add(await DecideAsync(entry, stored, cancellationToken).ConfigureAwait(false));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Someone added one of these URLs since we looked; the unique index refused the batch.
            // Source by source, the editor sorts out which one and adds the rest.
            db.ChangeTracker.Clear();
            return await ImportOneByOneAsync(batch, tally, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        foreach (var (entry, id, added) in decided)
        {
            if (added)
            {
                tally.Added(entry, id);
            }
            else
            {
                tally.AlreadyStored(entry, id);
            }
        }

        return decided.Any(d => d.Added);
    }

    private async Task<(OpmlImportEntry Entry, Guid Id, bool Added)> DecideAsync(
        OpmlImportEntry entry, Dictionary<string, StoredSource> stored, CancellationToken cancellationToken)
    {
        if (!stored.TryGetValue(entry.UrlHash, out var existing))
        {
            var source = SourceEditor.NewSource(entry.Definition, entry.Url, time.GetUtcNow());
            source.SiteLink = entry.SiteLink;
            db.Sources.Add(source);
            return (entry, source.Id, true);
        }

        if (existing.ArchivedAt is null)
        {
            return (entry, existing.Id, false);
        }

        var archived = await db.Sources.FirstAsync(s => s.Id == existing.Id, cancellationToken).ConfigureAwait(false);
        SourceEditor.Restore(archived, entry.Definition, entry.Url);
        return (entry, existing.Id, true);
    }

    private async Task<bool> ImportOneByOneAsync(OpmlImportEntry[] batch, OpmlImportTally tally, CancellationToken cancellationToken)
    {
        var changed = false;
        foreach (var entry in batch)
        {
            switch (await editor.AddAsync(entry.Definition, cancellationToken).ConfigureAwait(false))
            {
                case SourceEdit.Done done:
                    tally.Added(entry, done.Source.Id);
                    changed = true;
                    break;
                case SourceEdit.Duplicate duplicate:
                    tally.AlreadyStored(entry, duplicate.Existing.Id);
                    break;
                case var other:
                    throw new InvalidOperationException($"A checked definition came back {other}");
            }
        }

        return changed;
    }

    private async Task<Dictionary<string, StoredSource>> StoredSourcesAsync(IReadOnlyList<OpmlImportEntry> entries, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, StoredSource>(StringComparer.Ordinal);
        foreach (var chunk in entries.Select(e => e.UrlHash).Chunk(LookupChunk))
        {
            var rows = await db.Sources.AsNoTracking()
                .Where(s => chunk.Contains(s.UrlHash))
                .Select(s => new StoredSource(s.UrlHash, s.Id, s.ArchivedAt))
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            foreach (var row in rows)
            {
                stored[row.UrlHash] = row;
            }
        }

        return stored;
    }

    private static Task ReportAsync(Func<OpmlImportProgress, CancellationToken, Task>? onProgress, int processed, int total, CancellationToken cancellationToken) =>
        onProgress?.Invoke(new OpmlImportProgress(processed, total), cancellationToken) ?? Task.CompletedTask;

    private sealed record StoredSource(string UrlHash, Guid Id, DateTimeOffset? ArchivedAt);
}
