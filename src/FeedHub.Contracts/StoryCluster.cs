namespace FeedHub.Contracts;

/// <summary>A story told by several sources: items found to be the same story share a cluster.</summary>
public sealed record StoryCluster
{
    /// <summary>The cluster's id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The item that first told the story, or that the others credit.</summary>
    public Guid? OriginalItemId { get; init; }

    /// <summary>The outlet the story is credited to ("Theo Báo Chính phủ"), if known.</summary>
    public string? OriginalOutlet { get; init; }
}
