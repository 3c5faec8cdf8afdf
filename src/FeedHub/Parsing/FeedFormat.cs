namespace FeedHub.Parsing;

/// <summary>What a document turned out to be. <see cref="FeedFormatNames"/> gives the contract's spelling.</summary>
internal enum FeedFormat
{
    Unknown,
    Rss20,
    Rss10,
    Rss09x,
    Atom10,
    Atom03,
    JsonFeed,
    Html,

    /// <summary>An HTML page read as a feed through operator-given CSS selectors; the contract spells it "html" too.</summary>
    HtmlListing,
}

internal static class FeedFormatNames
{
    public static string ToContractName(this FeedFormat format) => format switch
    {
        FeedFormat.Rss20 => "rss20",
        FeedFormat.Rss10 => "rss10",
        FeedFormat.Rss09x => "rss09x",
        FeedFormat.Atom10 => "atom10",
        FeedFormat.Atom03 => "atom03",
        FeedFormat.JsonFeed => "jsonfeed",
        FeedFormat.Html or FeedFormat.HtmlListing => "html",
        _ => "unknown",
    };
}
