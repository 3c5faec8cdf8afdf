using FeedHub.Parsing;

namespace FeedHub.Normalizing;

/// <summary>A whole feed after normalizing; the shape `feedhub parse --json` prints.</summary>
internal sealed record NormalizedFeed(
    FeedFormat Format,
    string? Title,
    Uri? Link,
    string? Description,
    string? Language,
    DateTimeOffset? Updated,
    IReadOnlyList<NormalizedItem> Items,
    IReadOnlyList<string> Warnings);
