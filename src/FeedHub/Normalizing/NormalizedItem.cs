using FeedHub.Contracts;

namespace FeedHub.Normalizing;

/// <summary>An item in FeedHub's common model: plain-text title, sanitized HTML, absolute links, UTC, NFC.</summary>
internal sealed record NormalizedItem
{
    /// <summary>Stable per-source key (see Dedup/ItemFingerprint).</summary>
    public required string Key { get; init; }
    public string? FeedGuid { get; init; }
    public Uri? Link { get; init; }
    public required string Title { get; init; }
    public string? Summary { get; init; }
    public string? Content { get; init; }
    public IReadOnlyList<FeedAuthor> Authors { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<FeedEnclosure> Enclosures { get; init; } = [];
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Updated { get; init; }

    /// <summary>Hash of everything a reader sees; a change means the source edited the item.</summary>
    public required string ContentHash { get; init; }
}
