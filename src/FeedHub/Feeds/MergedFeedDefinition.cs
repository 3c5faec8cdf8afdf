using FeedHub.Sources;

namespace FeedHub.Feeds;

/// <summary>
/// A merged feed as operators define it: which sources feed it (by tag and/or id), which of their
/// items it keeps, and who may read it. An item is in the feed when its source is selected and it
/// passes every filter that is set.
/// </summary>
internal sealed class MergedFeedDefinition
{
    /// <summary>The feed's name in its URLs: /feeds/{slug}.rss.</summary>
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }

    /// <summary>Sources carrying any of these tags are selected; with <see cref="SourceIds"/> empty too, every source is.</summary>
    public List<string> Tags { get; set; } = [];
    public List<Guid> SourceIds { get; set; } = [];

    /// <summary>Keywords matched without regard to case or Vietnamese diacritics; an item needs one of <see cref="Include"/> (when set) and none of <see cref="Exclude"/>.</summary>
    public List<string> Include { get; set; } = [];
    public List<string> Exclude { get; set; } = [];

    /// <summary>When set, an item needs one of these categories (compared like keywords).</summary>
    public List<string> Categories { get; set; } = [];

    /// <summary>When set, only sources in this language (primary subtag compared: "vi" matches "vi-VN").</summary>
    public string? Language { get; set; }

    /// <summary>
    /// One entry per story: an item that other selected outlets also told is shown once, as its earliest
    /// telling in this feed, linking the others.
    /// </summary>
    public bool CollapseStories { get; set; }

    /// <summary>How many items one page of the feed carries.</summary>
    public int? Limit { get; set; }

    /// <summary>A private feed is served only with its <see cref="Token"/> (?token=…), which readers keep in the feed's URL.</summary>
    public bool Private { get; set; }
    public string? Token { get; set; }

    public SourceOrigin Origin { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Changes with every edit, so readers' caches and ETags follow a changed definition.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
