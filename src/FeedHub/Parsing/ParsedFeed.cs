namespace FeedHub.Parsing;

/// <summary>A feed as read from its document, before normalizing: strings as the feed wrote them.</summary>
internal sealed record ParsedFeed(
    FeedFormat Format,
    string? Title,
    string? Link,
    string? Description,
    string? Language,
    DateTimeOffset? Updated,
    IReadOnlyList<ParsedItem> Items,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The feed's own word on how often to poll it (RSS and RSS 1.0 only).</summary>
    public FeedPollHints PollHints { get; init; } = FeedPollHints.None;

    /// <summary>The WebSub hub the feed advertises (atom:link rel="hub"), as written.</summary>
    public string? Hub { get; init; }

    /// <summary>The feed's own URL (atom:link rel="self"): the topic a hub knows it by.</summary>
    public string? Self { get; init; }
}
