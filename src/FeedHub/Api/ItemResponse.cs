using FeedHub.Contracts;
using FeedHub.Storage;

namespace FeedHub.Api;

/// <summary>A stored item as the items API shows it, with the source it came from.</summary>
internal sealed record ItemResponse(
    Guid Id,
    Guid SourceId,
    string SourceName,
    string Title,
    string? Link,
    string? Guid,
    string? Summary,
    string? Content,
    IReadOnlyList<FeedAuthor> Authors,
    IReadOnlyList<string> Categories,
    IReadOnlyList<FeedEnclosure> Enclosures,
    DateTimeOffset? Published,
    DateTimeOffset? Updated,
    DateTimeOffset DiscoveredAt)
{
    public static ItemResponse From(StoredItem item, string sourceName) => new(
        item.Id, item.SourceId, sourceName, item.Title, item.Link, item.FeedGuid, item.Summary, item.Content,
        item.Authors, item.Categories, item.Enclosures, item.PublishedAt, item.UpdatedAt, item.DiscoveredAt);
}

/// <param name="Next">Pass as <c>cursor</c> for the next, older page; null on the last page.</param>
internal sealed record ItemPageResponse(IReadOnlyList<ItemResponse> Items, string? Next);
