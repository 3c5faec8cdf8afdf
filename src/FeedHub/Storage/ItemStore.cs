using FeedHub.Clustering;
using FeedHub.Contracts;
using FeedHub.Normalizing;
using FeedHub.Publishing;
using FeedHub.Sources;
using FeedHub.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace FeedHub.Storage;

/// <summary>
/// Stores a poll's items: new ones inserted, edited ones updated, each change committed together with
/// the outbox message announcing it and with the source's own changes, in one transaction.
/// </summary>
internal sealed class ItemStore(FeedHubDbContext db, StoryClusterer clusterer, FeedHubTelemetry telemetry, TimeProvider time)
{
    public async Task<StoreOutcome> SaveAsync(Source source, IReadOnlyList<NormalizedItem> items, CancellationToken cancellationToken)
    {
        var trackedBefore = db.ChangeTracker.Entries().Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
        try
        {
            return await StageAndSaveAsync(source, items, cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another poll committed between this one's reads and its write: most often a cluster founded on the
            // same earlier item, whose id and announcement both polls derive alike. Forget what was staged and
            // stage again on what is stored now, once; a second failure is a real one.
            ForgetStagedSince(trackedBefore);
            return await StageAndSaveAsync(source, items, cancellationToken).ConfigureAwait(false);
        }
    }

    private void ForgetStagedSince(HashSet<object> trackedBefore)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => !trackedBefore.Contains(e.Entity)).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    private async Task<StoreOutcome> StageAndSaveAsync(Source source, IReadOnlyList<NormalizedItem> items, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var incoming = items.DistinctBy(i => i.Key).ToList();
        var keys = incoming.Select(i => i.Key).ToList();
        var known = await db.Items
            .Where(i => i.SourceId == source.Id && keys.Contains(i.Key))
            .ToDictionaryAsync(i => i.Key, StringComparer.Ordinal, cancellationToken)
            .ConfigureAwait(false);

        int added = 0, changed = 0;
        var sourceInfo = source.ToContract();
        foreach (var item in incoming)
        {
            if (!known.TryGetValue(item.Key, out var stored))
            {
                stored = NewItem(source.Id, item, now);
                db.Items.Add(stored);
                var cluster = await clusterer.AssignAsync(source, stored, cancellationToken).ConfigureAwait(false);
                db.Outbox.Add(OutboxMessageFactory.Published(new FeedItemPublished
                {
                    ItemId = stored.Id,
                    Item = stored.ToContract(),
                    Source = sourceInfo,
                    Cluster = cluster?.ToContract(),
                    DiscoveredAt = now,
                }));
                added++;
            }
            else if (IsEdited(stored.ContentHash, item))
            {
                Apply(stored, item, now);
                stored.ChangedAt = now;
                db.Outbox.Add(OutboxMessageFactory.Updated(new FeedItemUpdated
                {
                    ItemId = stored.Id,
                    Item = stored.ToContract(),
                    Source = sourceInfo,
                    ChangedAt = now,
                }, item.ContentHash));
                changed++;
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        telemetry.StoredItems(added, changed);
        if (added > 0)
        {
            await clusterer.PruneAsync(cancellationToken).ConfigureAwait(false);
        }

        return new StoreOutcome(added, changed, incoming.Count - added - changed);
    }

    /// <summary>
    /// The keys of the items <see cref="SaveAsync"/> would write: new to the source, or edited since they were
    /// stored. Everything else it leaves exactly as stored, whatever the incoming copy holds.
    /// </summary>
    public async Task<IReadOnlySet<string>> UnsavedKeysAsync(Source source, IReadOnlyList<NormalizedItem> items, CancellationToken cancellationToken)
    {
        var incoming = items.DistinctBy(i => i.Key).ToList();
        var keys = incoming.Select(i => i.Key).ToList();
        var known = await db.Items.AsNoTracking()
            .Where(i => i.SourceId == source.Id && keys.Contains(i.Key))
            .Select(i => new { i.Key, i.ContentHash })
            .ToDictionaryAsync(i => i.Key, i => i.ContentHash, StringComparer.Ordinal, cancellationToken)
            .ConfigureAwait(false);
        return incoming.Where(i => !known.TryGetValue(i.Key, out var hash) || IsEdited(hash, i)).Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The id is derived from source and key, so every worker computes the same one.</summary>
    public static Guid ItemIdFor(Guid sourceId, string key) => DeterministicGuid.Create($"item:{sourceId:N}:{key}");

    private static bool IsEdited(string storedHash, NormalizedItem item) =>
        !string.Equals(storedHash, item.ContentHash, StringComparison.Ordinal);

    private static StoredItem NewItem(Guid sourceId, NormalizedItem item, DateTimeOffset now)
    {
        var stored = new StoredItem
        {
            Id = ItemIdFor(sourceId, item.Key),
            SourceId = sourceId,
            Key = item.Key,
            Title = ColumnLimits.Shorten(item.Title, ColumnLimits.Title),
            ContentHash = item.ContentHash,
            DiscoveredAt = now,
        };
        Apply(stored, item, now);
        return stored;
    }

    private static void Apply(StoredItem stored, NormalizedItem item, DateTimeOffset now)
    {
        stored.FeedGuid = ColumnLimits.DropIfLonger(item.FeedGuid, ColumnLimits.Url);
        stored.Link = ColumnLimits.DropIfLonger(item.Link?.AbsoluteUri, ColumnLimits.Url);
        stored.Title = ColumnLimits.Shorten(item.Title, ColumnLimits.Title);
        stored.Summary = item.Summary;
        stored.Content = item.Content;
        stored.Authors = [.. item.Authors];
        stored.Categories = [.. item.Categories];
        stored.Enclosures = [.. item.Enclosures];
        stored.PublishedAt = item.Published;
        stored.UpdatedAt = item.Updated;
        stored.ContentHash = item.ContentHash;
        stored.SearchText = ItemSearchText.Of(stored);

        // An item dated in the future must not sit on top of every merged feed.
        var published = item.Published ?? stored.DiscoveredAt;
        stored.SortAt = published > now ? now : published;
    }
}
