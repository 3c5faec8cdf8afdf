namespace FeedHub.Parsing;

internal abstract record FeedParseResult
{
    private FeedParseResult() { }

    public sealed record Parsed(ParsedFeed Feed) : FeedParseResult;

    /// <summary>The document is not a feed we can read.</summary>
    /// <param name="AdvertisedFeeds">For an HTML page: the feeds it links with rel="alternate".</param>
    public sealed record Rejected(FeedFormat Format, string Reason, IReadOnlyList<Uri> AdvertisedFeeds) : FeedParseResult
    {
        /// <summary>The reason, with the feeds the page points to: what an operator needs to fix the source's URL.</summary>
        public string Explained => AdvertisedFeeds.Count > 0 ? $"{Reason}; the page advertises {string.Join(", ", AdvertisedFeeds)}" : Reason;
    }
}
