using FeedHub.Contracts;
using FeedHub.Sources;

namespace FeedHub.Storage;

/// <summary>What a stored item and its source look like on the bus.</summary>
internal static class ContractMapping
{
    public static FeedItem ToContract(this StoredItem item) => new()
    {
        Key = item.Key,
        FeedGuid = item.FeedGuid,
        Link = item.Link is null ? null : new Uri(item.Link),
        Title = item.Title,
        Summary = item.Summary,
        Content = item.Content,
        Authors = item.Authors,
        Categories = item.Categories,
        Enclosures = item.Enclosures,
        PublishedAt = item.PublishedAt,
        UpdatedAt = item.UpdatedAt,
    };

    public static FeedSourceInfo ToContract(this Source source) => new()
    {
        Id = source.Id,
        Name = source.Name,
        Url = new Uri(source.Url),
        Tags = source.Tags,
    };
}
