namespace FeedHub.Contracts;

/// <summary>A news item as FeedHub normalized it: every string NFC, every time UTC.</summary>
public sealed record FeedItem
{
    /// <summary>FeedHub's stable key for the item within its source (from the feed's id, else its link, else its text).</summary>
    public required string Key { get; init; }

    /// <summary>The feed's own id for the item (RSS guid, Atom id), if it gave one.</summary>
    public string? FeedGuid { get; init; }

    /// <summary>Canonical absolute link, tracking parameters removed.</summary>
    public Uri? Link { get; init; }

    /// <summary>Title as plain text.</summary>
    public required string Title { get; init; }

    /// <summary>Sanitized HTML summary, if any.</summary>
    public string? Summary { get; init; }

    /// <summary>Sanitized HTML content, if any.</summary>
    public string? Content { get; init; }

    /// <summary>Authors as the feed names them.</summary>
    public IReadOnlyList<FeedAuthor> Authors { get; init; } = [];

    /// <summary>Category names as the feed gives them.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Enclosures (podcast audio, images, video).</summary>
    public IReadOnlyList<FeedEnclosure> Enclosures { get; init; } = [];

    /// <summary>When the item was first published, in UTC.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>When the item was last updated at the source, in UTC.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}
