namespace FeedHub.Feeds;

/// <summary>The formats a merged feed is served in: three feed formats by file extension, and the HTML page without one.</summary>
internal enum FeedOutput
{
    Rss,
    Atom,
    Json,
    Html,
}

internal static class FeedOutputs
{
    /// <summary>Reads a feed file's extension; the HTML page has none, so it is never parsed from one.</summary>
    public static bool TryParse(string extension, out FeedOutput output)
    {
        (var known, output) = extension switch
        {
            "rss" => (true, FeedOutput.Rss),
            "atom" => (true, FeedOutput.Atom),
            "json" => (true, FeedOutput.Json),
            _ => (false, default),
        };
        return known;
    }

    /// <summary>What follows the slug in the output's path: "/feeds/all.rss", but "/feeds/all" for the page.</summary>
    public static string Extension(this FeedOutput output) => output switch
    {
        FeedOutput.Rss => ".rss",
        FeedOutput.Atom => ".atom",
        FeedOutput.Json => ".json",
        _ => string.Empty,
    };

    public static string ContentType(this FeedOutput output) => output switch
    {
        FeedOutput.Rss => "application/rss+xml; charset=utf-8",
        FeedOutput.Atom => "application/atom+xml; charset=utf-8",
        FeedOutput.Json => "application/feed+json; charset=utf-8",
        _ => "text/html; charset=utf-8",
    };
}
