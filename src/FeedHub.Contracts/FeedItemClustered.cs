namespace FeedHub.Contracts;

/// <summary>An item was found to be the same story as items from other sources.</summary>
public sealed record FeedItemClustered
{
    /// <summary>The item that joined the cluster.</summary>
    public required Guid ItemId { get; init; }

    /// <summary>The source of that item.</summary>
    public required FeedSourceInfo Source { get; init; }

    /// <summary>The cluster it joined.</summary>
    public required StoryCluster Cluster { get; init; }

    /// <summary>When the match was found, in UTC.</summary>
    public required DateTimeOffset ClusteredAt { get; init; }
}
