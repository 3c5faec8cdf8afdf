namespace FeedHub.Parsing;

internal abstract record FeedParseResult
{
    private FeedParseResult() { }

    public sealed record Parsed(ParsedFeed Feed) : FeedParseResult;

    /// <summary>The document is not a feed we can read.</summary>
    /// <param name="AdvertisedFeeds">For an HTML page: the feeds it links with rel="alternate".</param>
    public sealed record Rejected(FeedFormat Format, string Reason, IReadOnlyList<Uri> AdvertisedFeeds) : FeedParseResult;
}
