using FeedHub.Storage;
using Microsoft.EntityFrameworkCore;

namespace FeedHub.Feeds;

/// <summary>
/// Reads items newest first, a page at a time, after a cursor. Items sharing one sort time (a poll of
/// undated items shares its discovery time) are ordered by id in memory, where the order is the same
/// on every database, so a page boundary inside such a group never skips or repeats an item.
/// </summary>
internal static class ItemPager
{
    private const int BatchSize = 200;

    /// <summary>Beyond this many rows read for one page, the page ends early (with a cursor) rather than scan on.</summary>
    private const int MaxScanned = 20_000;

    /// <param name="query">Items already filtered as far as the database can.</param>
    /// <param name="matches">What the database could not check.</param>
    public static async Task<ItemPage> ReadAsync(
        IQueryable<StoredItem> query, ItemCursor? after, int limit, Func<StoredItem, bool> matches, CancellationToken cancellationToken)
    {
        var page = new List<StoredItem>(limit + 1);
        var position = after;
        var scanned = 0;
        while (page.Count <= limit && scanned < MaxScanned)
        {
            if (position is { } at)
            {
                // The rest of the group at the cursor: all of it read, ordered here.
                var group = await query.Where(i => i.SortAt == at.SortAt).ToListAsync(cancellationToken).ConfigureAwait(false);
                scanned += group.Count;
                foreach (var item in group.Where(i => at.Id is not { } id || i.Id.CompareTo(id) < 0).OrderByDescending(i => i.Id))
                {
                    position = new ItemCursor(item.SortAt, item.Id);
                    if (matches(item))
                    {
                        page.Add(item);
                        if (page.Count > limit)
                        {
                            break;
                        }
                    }
                }

                if (page.Count > limit)
                {
                    break;
                }
            }

            var older = position is { } from ? query.Where(i => i.SortAt < from.SortAt) : query;
            var batch = await older.OrderByDescending(i => i.SortAt).Take(BatchSize).ToListAsync(cancellationToken).ConfigureAwait(false);
            scanned += batch.Count;
            if (batch.Count == 0)
            {
                return new ItemPage(page, null);
            }

            // The oldest time in the batch may continue past it; that group is read whole on the next turn.
            var boundary = batch[^1].SortAt;
            var complete = batch.Count < BatchSize ? batch : batch.Where(i => i.SortAt > boundary).ToList();
            foreach (var item in complete.OrderByDescending(i => i.SortAt).ThenByDescending(i => i.Id))
            {
                position = new ItemCursor(item.SortAt, item.Id);
                if (matches(item))
                {
                    page.Add(item);
                    if (page.Count > limit)
                    {
                        break;
                    }
                }
            }

            if (batch.Count < BatchSize && page.Count <= limit)
            {
                return new ItemPage(page, null);
            }

            if (page.Count <= limit && complete.Count < batch.Count)
            {
                position = new ItemCursor(boundary, null);
            }
        }

        if (page.Count > limit)
        {
            page.RemoveAt(limit);
            var last = page[^1];
            return new ItemPage(page, new ItemCursor(last.SortAt, last.Id));
        }

        // Scanned enough for one request: the reader continues from here.
        return new ItemPage(page, position);
    }
}

/// <param name="Next">Where the next (older) page starts; null when there is none.</param>
internal sealed record ItemPage(IReadOnlyList<StoredItem> Items, ItemCursor? Next);
