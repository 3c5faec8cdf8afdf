namespace FeedHub.Feeds;

/// <summary>The formats a merged feed is served in, by file extension.</summary>
internal enum FeedOutput
{
    Rss,
    Atom,
    Json,
}

internal static class FeedOutputs
{
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

    public static string ContentType(this FeedOutput output) => output switch
    {
        FeedOutput.Rss => "application/rss+xml; charset=utf-8",
        FeedOutput.Atom => "application/atom+xml; charset=utf-8",
        _ => "application/feed+json; charset=utf-8",
    };
}
