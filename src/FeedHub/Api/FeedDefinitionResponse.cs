using FeedHub.Feeds;

namespace FeedHub.Api;

/// <summary>A merged feed definition as operators see it: named as in configuration, with the URLs readers use.</summary>
internal sealed record FeedDefinitionResponse(
    string Slug,
    string Title,
    string? Description,
    IReadOnlyList<string> Tags,
    IReadOnlyList<Guid> SourceIds,
    IReadOnlyList<string> Include,
    IReadOnlyList<string> Exclude,
    IReadOnlyList<string> Categories,
    string? Language,
    int Limit,
    bool CollapseStories,
    bool Private,
    string? Token,
    string Origin,
    DateTimeOffset UpdatedAt,
    FeedLinksResponse Links)
{
    public static FeedDefinitionResponse From(MergedFeedDefinition feed, Uri root)
    {
        var address = new FeedAddress(root, feed.Slug, feed.Private ? feed.Token : null, null);
        return new(
            feed.Slug, feed.Title, feed.Description, feed.Tags, feed.SourceIds, feed.Include, feed.Exclude, feed.Categories,
            feed.Language, feed.Limit ?? MergedFeedQuery.DefaultLimit, feed.CollapseStories, feed.Private, feed.Token, feed.Origin.ToString().ToLowerInvariant(), feed.UpdatedAt,
            new FeedLinksResponse(
                address.Newest(FeedOutput.Rss), address.Newest(FeedOutput.Atom), address.Newest(FeedOutput.Json), address.Newest(FeedOutput.Html)));
    }
}

/// <summary>Where readers find the feed; a private feed's links carry its token.</summary>
internal sealed record FeedLinksResponse(Uri Rss, Uri Atom, Uri Json, Uri Html);
