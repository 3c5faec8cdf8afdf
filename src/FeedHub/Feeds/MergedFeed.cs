using FeedHub.Contracts;

namespace FeedHub.Feeds;

/// <summary>One page of a merged feed, ready to be written in any output format.</summary>
/// <param name="UpdatedAt">When the newest item on the page arrived or changed, or the definition changed; drives Last-Modified.</param>
internal sealed record MergedFeed(string Slug, string Title, string? Description, DateTimeOffset UpdatedAt, IReadOnlyList<MergedFeedItem> Items)
{
    /// <summary>Where the next, older page starts; null on the last page.</summary>
    public ItemCursor? Next { get; init; }
}

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

    /// <summary>In a feed that collapses stories: the other outlets of this feed that told the same story.</summary>
    public IReadOnlyList<StoryRetelling> AlsoReportedBy { get; init; } = [];

    /// <summary>The summary and content as feeds carry them: with the links to <see cref="AlsoReportedBy"/> under them.</summary>
    public string? SummaryWithRetellings => StoryCollapse.AppendTo(Summary, AlsoReportedBy, Source.IsVietnamese);
    public string? ContentWithRetellings => StoryCollapse.AppendTo(Content, AlsoReportedBy, Source.IsVietnamese);

    /// <summary>Who the item is credited to: its own authors, else the outlet, so no entry goes out unattributed.</summary>
    public IReadOnlyList<FeedAuthor> Credits => Authors.Count > 0 ? Authors : [new FeedAuthor(Source.Name, null, Source.SiteLink)];
}

/// <summary>Another outlet's telling of a collapsed entry's story.</summary>
internal sealed record StoryRetelling(string Outlet, Uri? Link);

/// <summary>The outlet an entry is credited to.</summary>
/// <param name="Name">The outlet as the operator names it.</param>
internal sealed record MergedFeedSource(Guid Id, string Name, Uri Url, Uri? SiteLink)
{
    /// <summary>The title the outlet's own feed gives itself, when a poll has read one.</summary>
    public string? FeedTitle { get; init; }

    /// <summary>The source's language (operator's word, else the feed's) and zone, which decide how its times are shown.</summary>
    public string? Language { get; init; }
    public string? TimeZone { get; init; }

    /// <summary>What a &lt;source&gt; element calls the origin feed: its own title, else the operator's name.</summary>
    public string Title => string.IsNullOrWhiteSpace(FeedTitle) ? Name : FeedTitle;

    public bool IsVietnamese => Language?.StartsWith("vi", StringComparison.OrdinalIgnoreCase) == true;
}
