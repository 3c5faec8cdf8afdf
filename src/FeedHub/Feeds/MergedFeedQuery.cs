using FeedHub.Storage;
using Microsoft.EntityFrameworkCore;

namespace FeedHub.Feeds;

/// <summary>Reads a page of a merged feed: its definition's selection, newest first, each item with the outlet it came from.</summary>
/// <remarks>Singleton (the output cache holds it), so each query opens its own scope.</remarks>
internal sealed class MergedFeedQuery(IServiceScopeFactory scopes) : IMergedFeedSource
{
    public const int DefaultLimit = 100;

    public async Task<MergedFeedDefinition?> FindDefinitionAsync(string slug, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedHubDbContext>();
        return await MergedFeedDefinitions.FindAsync(db, slug, cancellationToken).ConfigureAwait(false);
    }

    public async Task<MergedFeed> ReadAsync(MergedFeedDefinition definition, ItemCursor? before, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedHubDbContext>();
        var selection = await MergedFeedSelection.ResolveAsync(definition, db, cancellationToken).ConfigureAwait(false);
        var query = await selection.ApplyAsync(db.Items.AsNoTracking(), cancellationToken).ConfigureAwait(false);
        if (definition.CollapseStories)
        {
            query = StoryCollapse.FirstTellings(query, await selection.ApplyAsync(db.Items.AsNoTracking(), cancellationToken).ConfigureAwait(false));
        }

        var page = await ItemPager.ReadAsync(query, before, definition.Limit ?? DefaultLimit, selection.Matches, cancellationToken).ConfigureAwait(false);
        var retellings = definition.CollapseStories
            ? await StoryCollapse.RetellingsAsync(db, await selection.ApplyAsync(db.Items.AsNoTracking(), cancellationToken).ConfigureAwait(false), page.Items, cancellationToken).ConfigureAwait(false)
            : null;
        var sources = await SourcesOfAsync(db, page.Items, cancellationToken).ConfigureAwait(false);

        var items = page.Items.Select(item => ToFeedItem(item, sources[item.SourceId]) with
        {
            AlsoReportedBy = item.ClusterId is { } cluster && retellings is not null
                ? [.. retellings[cluster]]
                : [],
        }).ToList();
        return new MergedFeed(definition.Slug, definition.Title, definition.Description, UpdatedAt(definition, page.Items), items) { Next = page.Next };
    }

    private static async Task<Dictionary<Guid, MergedFeedSource>> SourcesOfAsync(FeedHubDbContext db, IReadOnlyList<StoredItem> items, CancellationToken cancellationToken)
    {
        var ids = items.Select(i => i.SourceId).Distinct().ToList();
        var rows = await db.Sources.AsNoTracking()
            .Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.Name, s.Url, s.SiteLink, s.FeedTitle, s.Language, s.FeedLanguage, s.TimeZone })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return rows.ToDictionary(s => s.Id, s => new MergedFeedSource(s.Id, s.Name, new Uri(s.Url), s.SiteLink is null ? null : new Uri(s.SiteLink))
        {
            FeedTitle = s.FeedTitle,
            Language = s.Language ?? s.FeedLanguage,
            TimeZone = s.TimeZone,
        });
    }

    private static MergedFeedItem ToFeedItem(StoredItem item, MergedFeedSource source) => new()
    {
        Id = item.Id,
        Title = item.Title,
        Link = item.Link is null ? null : new Uri(item.Link),
        FeedGuid = item.FeedGuid,
        Summary = item.Summary,
        Content = item.Content,
        Authors = item.Authors,
        Categories = item.Categories,
        Enclosures = item.Enclosures,
        Published = item.PublishedAt,
        Updated = item.UpdatedAt,
        DiscoveredAt = item.DiscoveredAt,
        Source = source,
    };

    /// <summary>A changed definition changes the feed as much as a new item does, so both move Last-Modified.</summary>
    private static DateTimeOffset UpdatedAt(MergedFeedDefinition definition, IReadOnlyList<StoredItem> items) =>
        items.Select(i => i.ChangedAt is { } changed && changed > i.DiscoveredAt ? changed : i.DiscoveredAt)
            .Append(definition.UpdatedAt)
            .Max();
}
