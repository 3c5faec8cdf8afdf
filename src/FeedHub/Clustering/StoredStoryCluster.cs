namespace FeedHub.Clustering;

/// <summary>A story told by several sources, as stored; items point to it by Items.ClusterId.</summary>
internal sealed class StoredStoryCluster
{
    public Guid Id { get; set; }

    /// <summary>The item the others credit, else the earliest published.</summary>
    public Guid OriginalItemId { get; set; }

    /// <summary>The credited outlet's name, else the name of the earliest item's source.</summary>
    public required string OriginalOutlet { get; set; }

    /// <summary>When the original item was published (its SortAt): an earlier item takes its place unless a credit says otherwise.</summary>
    public DateTimeOffset OriginalAt { get; set; }

    /// <summary>Whether <see cref="OriginalOutlet"/> comes from a member's own credit ("Theo …") rather than from dates.</summary>
    public bool Credited { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Contracts.StoryCluster ToContract() => new()
    {
        Id = Id,
        OriginalItemId = OriginalItemId,
        OriginalOutlet = OriginalOutlet,
    };
}
