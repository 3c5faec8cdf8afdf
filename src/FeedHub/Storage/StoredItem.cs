using FeedHub.Contracts;

namespace FeedHub.Storage;

/// <summary>An item as stored: the normalized item plus what FeedHub knows about when it saw it.</summary>
internal sealed class StoredItem
{
    public Guid Id { get; set; }
    public Guid SourceId { get; set; }
    public required string Key { get; set; }
    public string? FeedGuid { get; set; }
    public string? Link { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public string? Content { get; set; }
    public List<FeedAuthor> Authors { get; set; } = [];
    public List<string> Categories { get; set; } = [];
    public List<FeedEnclosure> Enclosures { get; set; } = [];
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public DateTimeOffset DiscoveredAt { get; set; }
    public DateTimeOffset? ChangedAt { get; set; }

    /// <summary>Published time, or discovery time for items without one: what "newest" means in merged feeds.</summary>
    public DateTimeOffset SortAt { get; set; }

    public required string ContentHash { get; set; }

    /// <summary>The story this item shares with other sources' items, if any (<see cref="Clustering.StoryClusterer"/>).</summary>
    public Guid? ClusterId { get; set; }

    /// <summary>
    /// Title, summary text, categories and authors folded by <see cref="Normalizing.FoldedText"/>: what
    /// searches and merged-feed keyword filters match, the same way on every database.
    /// </summary>
    public string? SearchText { get; set; }
}
