using FeedHub.Contracts;
using FeedHub.Publishing;
using FeedHub.Sources;
using FeedHub.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedHub.Clustering;

/// <summary>
/// Puts a new item into the story it shares with other sources' recent items, within the poll's transaction:
/// its sketch keys find candidates, <see cref="StoryMatcher"/> decides, and the best match's cluster is joined
/// (or founded). An earlier item that only now turns out to share its story is announced with FeedItemClustered.
/// </summary>
internal sealed class StoryClusterer(FeedHubDbContext db, IOptions<ClusteringOptions> options, TimeProvider time)
{
    private sealed record Candidate(Guid Id, Guid SourceId, string? Link, Guid? ClusterId, DateTimeOffset SortAt, StorySignature Signature);

    /// <returns>The cluster the item joined, or null when it tells a story of its own.</returns>
    public async Task<StoredStoryCluster?> AssignAsync(Source source, StoredItem item, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return null;
        }

        var signature = StoryText.SignatureOf(item.Title, item.Summary, item.Content);
        if (signature.IsTooShort)
        {
            return null;
        }

        var keys = signature.SketchKeys();
        db.StoryKeys.AddRange(keys.Distinct().Select(key => new StoryKey { Key = key, ItemId = item.Id, SourceId = source.Id, SortAt = item.SortAt }));
        var match = await BestMatchAsync(source.Id, item.SortAt, keys, signature, cancellationToken).ConfigureAwait(false);
        if (match is null)
        {
            return null;
        }

        var cluster = await JoinAsync(match, cancellationToken).ConfigureAwait(false);
        item.ClusterId = cluster.Id;
        await CreditOriginalAsync(cluster, source, item, signature.CreditedOutlet, cancellationToken).ConfigureAwait(false);
        return cluster;
    }

    /// <summary>Drops the keys of items too old to be matched by new ones; an indexed range delete, mostly of nothing.</summary>
    public Task PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - (2 * options.Value.Window);
        return db.StoryKeys.Where(k => k.SortAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<Candidate?> BestMatchAsync(Guid sourceId, DateTimeOffset sortAt, long[] keys, StorySignature signature, CancellationToken cancellationToken)
    {
        var window = options.Value.Window;
        var (from, to) = (sortAt - window, sortAt + window);

        var ranked = await RankCandidatesAsync(sourceId, from, to, keys, cancellationToken).ConfigureAwait(false);
        if (ranked.Count == 0)
        {
            return null;
        }

        var rows = await db.Items.AsNoTracking()
            .Where(i => ranked.Contains(i.Id))
            .Select(i => new { i.Id, i.SourceId, i.Title, i.Summary, i.Content, i.Link, i.ClusterId, i.SortAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows
            .Select(r => new Candidate(r.Id, r.SourceId, r.Link, r.ClusterId, r.SortAt, StoryText.SignatureOf(r.Title, r.Summary, r.Content)))
            .Select(c => (Candidate: c, Match: StoryMatcher.Compare(signature, c.Signature)))
            .Where(m => m.Match.IsSameStory)
            .OrderByDescending(m => m.Match.Score)
            .Select(m => m.Candidate)
            .FirstOrDefault();
    }

    /// <summary>
    /// Other sources' items sharing the most sketch keys, and at least <see cref="StorySketch.MinSharedKeys"/>, from
    /// one statement of one bounded index range per key (<see cref="ClusteringOptions.CandidatesPerKey"/>), so a
    /// lookup costs the same however common a phrase is.
    /// </summary>
    private async Task<List<Guid>> RankCandidatesAsync(Guid sourceId, DateTimeOffset from, DateTimeOffset to, long[] keys, CancellationToken cancellationToken)
    {
        var perKey = options.Value.CandidatesPerKey;
        var distinct = keys.Distinct().ToArray();
        IQueryable<Guid>? sharing = null;
        foreach (var key in distinct)
        {
            // An outlet's own reposts are the deduplicator's business: only other sources' stories are candidates.
            var newest = db.StoryKeys
                .Where(k => k.Key == key && k.SourceId != sourceId && k.SortAt >= from && k.SortAt <= to)
                .OrderByDescending(k => k.SortAt)
                .Take(perKey)
                .Select(k => k.ItemId);
            sharing = sharing is null ? newest : sharing.Concat(newest);
        }

        if (sharing is null)
        {
            return [];
        }

        var hits = await sharing.ToListAsync(cancellationToken).ConfigureAwait(false);
        var needed = StorySketch.MinSharedKeys(distinct.Length);
        return [.. hits
            .CountBy(id => id)
            .Where(shared => shared.Value >= needed)
            .OrderByDescending(shared => shared.Value)
            .Take(options.Value.MaxCandidates)
            .Select(shared => shared.Key)];
    }

    private async Task<StoredStoryCluster> JoinAsync(Candidate match, CancellationToken cancellationToken)
    {
        // Another item of this poll may have founded the cluster a moment ago: the change tracker has it then.
        var clusterId = match.ClusterId ?? db.Items.Local.FirstOrDefault(i => i.Id == match.Id)?.ClusterId;
        if (clusterId is { } id && await db.StoryClusters.FindAsync([id], cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        return await FoundAsync(match, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The earlier item founds the cluster; it was published alone, so its joining is announced now.</summary>
    private async Task<StoredStoryCluster> FoundAsync(Candidate founder, CancellationToken cancellationToken)
    {
        var founderSource = await db.Sources.AsNoTracking().FirstAsync(s => s.Id == founder.SourceId, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var cluster = new StoredStoryCluster
        {
            // Derived from the founder, so two workers founding the same story cannot make two clusters of it.
            Id = DeterministicGuid.Create($"cluster:{founder.Id:N}"),
            OriginalItemId = founder.Id,
            OriginalOutlet = founderSource.Name,
            OriginalAt = founder.SortAt,
            CreatedAt = now,
        };
        db.StoryClusters.Add(cluster);
        var stored = await db.Items.FirstAsync(i => i.Id == founder.Id, cancellationToken).ConfigureAwait(false);
        stored.ClusterId = cluster.Id;

        if (founder.Signature.CreditedOutlet is { } credit)
        {
            Credit(cluster, credit, StoryText.Names(credit, founderSource.Name, founder.Link) ? founder.Id : null);
        }

        db.Outbox.Add(OutboxMessageFactory.Clustered(new FeedItemClustered
        {
            ItemId = founder.Id,
            Source = founderSource.ToContract(),
            Cluster = cluster.ToContract(),
            ClusteredAt = now,
        }));
        return cluster;
    }

    /// <summary>A credit ("Theo Báo Chính phủ") names the original; without one, the earliest item is.</summary>
    private async Task CreditOriginalAsync(StoredStoryCluster cluster, Source source, StoredItem item, string? credit, CancellationToken cancellationToken)
    {
        // The credited outlet's own telling arrives after a copy that credits it: it is the original.
        if (cluster.Credited && StoryText.Names(cluster.OriginalOutlet, source.Name, item.Link))
        {
            cluster.OriginalItemId = item.Id;
            return;
        }

        if (credit is not null && !cluster.Credited)
        {
            Credit(cluster, credit, await CreditedMemberAsync(cluster, credit, cancellationToken).ConfigureAwait(false));
            return;
        }

        if (!cluster.Credited && item.SortAt < cluster.OriginalAt)
        {
            cluster.OriginalItemId = item.Id;
            cluster.OriginalOutlet = source.Name;
            cluster.OriginalAt = item.SortAt;
        }
    }

    private async Task<Guid?> CreditedMemberAsync(StoredStoryCluster cluster, string credit, CancellationToken cancellationToken)
    {
        var members = await db.Items.AsNoTracking()
            .Where(i => i.ClusterId == cluster.Id || i.Id == cluster.OriginalItemId)
            .Join(db.Sources, i => i.SourceId, s => s.Id, (i, s) => new { i.Id, i.Link, s.Name })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return members.FirstOrDefault(m => StoryText.Names(credit, m.Name, m.Link))?.Id;
    }

    private static void Credit(StoredStoryCluster cluster, string outlet, Guid? creditedItem)
    {
        cluster.Credited = true;
        cluster.OriginalOutlet = ColumnLimits.Shorten(outlet, ColumnLimits.Outlet);
        if (creditedItem is { } id)
        {
            cluster.OriginalItemId = id;
        }
    }
}
