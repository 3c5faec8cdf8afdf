namespace FeedHub.Contracts;

/// <summary>
/// A new item was stored. Published once per item after it is committed; a redelivery carries the
/// same MessageId, derived from the item, so consumers can drop duplicates.
/// </summary>
public sealed record FeedItemPublished
{
    /// <summary>FeedHub's id for the stored item.</summary>
    public required Guid ItemId { get; init; }

    /// <summary>The normalized item.</summary>
    public required FeedItem Item { get; init; }

    /// <summary>The source it came from.</summary>
    public required FeedSourceInfo Source { get; init; }

    /// <summary>The story cluster the item belongs to, if one was found when it was stored.</summary>
    public StoryCluster? Cluster { get; init; }

    /// <summary>When FeedHub first saw the item, in UTC.</summary>
    public required DateTimeOffset DiscoveredAt { get; init; }
}
