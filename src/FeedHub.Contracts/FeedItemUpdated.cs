namespace FeedHub.Contracts;

/// <summary>A stored item's content changed at the source. Carries the item as it is now.</summary>
public sealed record FeedItemUpdated
{
    /// <summary>FeedHub's id for the stored item.</summary>
    public required Guid ItemId { get; init; }

    /// <summary>The normalized item after the change.</summary>
    public required FeedItem Item { get; init; }

    /// <summary>The source it came from.</summary>
    public required FeedSourceInfo Source { get; init; }

    /// <summary>When FeedHub saw the change, in UTC.</summary>
    public required DateTimeOffset ChangedAt { get; init; }
}
