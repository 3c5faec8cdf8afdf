using FeedHub.Storage;
using Microsoft.EntityFrameworkCore;

namespace FeedHub.Feeds;

/// <summary>Reads a merged feed's newest items, each with the outlet it came from.</summary>
/// <remarks>Singleton (the output cache holds it), so each query opens its own scope.</remarks>
internal sealed class MergedFeedQuery(IServiceScopeFactory scopes) : IMergedFeedSource
{
    public const string AllSlug = "all";
    public const int DefaultLimit = 100;

    public async Task<MergedFeed?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        if (!string.Equals(slug, AllSlug, StringComparison.Ordinal))
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedHubDbContext>();
        var rows = await db.Items.AsNoTracking()
            .OrderByDescending(i => i.SortAt).ThenByDescending(i => i.Id)
            .Take(DefaultLimit)
            .Join(db.Sources, i => i.SourceId, s => s.Id, (item, source) => new { item, source.Name, source.Url, source.SiteLink, source.FeedTitle })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);

        var items = rows.Select(row => new MergedFeedItem
        {
            Id = row.item.Id,
            Title = row.item.Title,
            Link = row.item.Link is null ? null : new Uri(row.item.Link),
            FeedGuid = row.item.FeedGuid,
            Summary = row.item.Summary,
            Content = row.item.Content,
            Authors = row.item.Authors,
            Categories = row.item.Categories,
            Enclosures = row.item.Enclosures,
            Published = row.item.PublishedAt,
            Updated = row.item.UpdatedAt,
            DiscoveredAt = row.item.DiscoveredAt,
            Source = new MergedFeedSource(row.item.SourceId, row.Name, new Uri(row.Url), row.SiteLink is null ? null : new Uri(row.SiteLink)),
        }).ToList();

        var updatedAt = rows.Count == 0
            ? DateTimeOffset.UnixEpoch
            : rows.Max(r => r.item.ChangedAt is { } changed && changed > r.item.DiscoveredAt ? changed : r.item.DiscoveredAt);
        return new MergedFeed(AllSlug, "FeedHub: all sources", "The newest items from every source", updatedAt, items);
    }
}
