using System.Text;
using FeedHub.Sources;
using FeedHub.Storage;

namespace FeedHub.Tests.Feeds;

/// <summary>Sources and items written straight into a test service's database, so feed tests need no polling.</summary>
internal static class StoredNews
{
    public static Source Source(string name, string tag, string? language = null, string? timeZone = null) => new()
    {
        Id = Guid.NewGuid(),
        Name = name,
        Url = $"https://{name.ToLowerInvariant()}.example.test/rss",
        Tags = [tag],
        Language = language,
        TimeZone = timeZone,
        Enabled = false, // nothing polls these made-up URLs
        Origin = SourceOrigin.Api,
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    public static StoredItem Item(Source source, string title, DateTimeOffset at, string[]? categories = null, string? summary = null)
    {
        var id = Guid.NewGuid();
        var item = new StoredItem
        {
            Id = id,
            SourceId = source.Id,
            Key = id.ToString("N"),
            Link = $"{source.Url.Replace("/rss", string.Empty, StringComparison.Ordinal)}/{id:N}.html",
            Title = title.Normalize(NormalizationForm.FormC),
            Summary = summary,
            Categories = [.. categories ?? []],
            PublishedAt = at,
            DiscoveredAt = at,
            SortAt = at,
            ContentHash = id.ToString("N"),
        };
        item.SearchText = ItemSearchText.Of(item);
        return item;
    }
}
