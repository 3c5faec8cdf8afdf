using FeedHub.Contracts;

namespace FeedHub.Feeds;

/// <summary>A merged feed ready to be written in any output format.</summary>
/// <param name="UpdatedAt">When the newest item arrived; drives Last-Modified.</param>
internal sealed record MergedFeed(string Slug, string Title, string? Description, DateTimeOffset UpdatedAt, IReadOnlyList<MergedFeedItem> Items);

/// <summary>One entry of a merged feed, crediting the outlet it came from.</summary>
internal sealed record MergedFeedItem
{
    public required Guid Id { get; init; }
    public required string Title { get; init; }
    public Uri? Link { get; init; }
    public string? FeedGuid { get; init; }
    public string? Summary { get; init; }
    public string? Content { get; init; }
    public IReadOnlyList<FeedAuthor> Authors { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<FeedEnclosure> Enclosures { get; init; } = [];
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Updated { get; init; }
    public required DateTimeOffset DiscoveredAt { get; init; }
    public required MergedFeedSource Source { get; init; }
}

/// <summary>The outlet an entry is credited to.</summary>
internal sealed record MergedFeedSource(Guid Id, string Name, Uri Url, Uri? SiteLink);
