namespace FeedHub.Feeds;

/// <summary>Where merged feeds come from: their definitions, and a page of items for one.</summary>
internal interface IMergedFeedSource
{
    Task<MergedFeedDefinition?> FindDefinitionAsync(string slug, CancellationToken cancellationToken);

    Task<MergedFeed> ReadAsync(MergedFeedDefinition definition, ItemCursor? before, CancellationToken cancellationToken);
}
