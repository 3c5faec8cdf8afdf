using System.Text;
using AngleSharp.Html.Parser;

namespace FeedHub.Parsing;

/// <summary>Finds the feeds an HTML page links with &lt;link rel="alternate"&gt;, so an operator who pasted a page URL learns the feed URL.</summary>
internal static class AdvertisedFeeds
{
    private static readonly HashSet<string> FeedTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/rss+xml", "application/atom+xml", "application/feed+json", "application/json",
        "application/rdf+xml", "text/xml", "application/xml",
    };

    public static IReadOnlyList<Uri> Find(byte[] body, Uri? baseUrl)
    {
        var parser = new HtmlParser();
        using var document = parser.ParseDocument(Decode(body));

        // <base href> changes how the page's relative links resolve.
        var pageBase = baseUrl;
        if (document.QuerySelector("base[href]")?.GetAttribute("href") is { } baseHref
            && Uri.TryCreate(pageBase, baseHref.Trim(), out var declared) && declared.IsAbsoluteUri)
        {
            pageBase = declared;
        }

        var feeds = new List<Uri>();
        foreach (var link in document.QuerySelectorAll("link[rel][href][type]"))
        {
            var rel = link.GetAttribute("rel") ?? string.Empty;
            var type = (link.GetAttribute("type") ?? string.Empty).Split(';')[0].Trim();
            if (!rel.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("alternate", StringComparer.OrdinalIgnoreCase)
                || !FeedTypes.Contains(type))
            {
                continue;
            }

            // Without a base, a relative href cannot be resolved; and on Unix "/rss/x" would otherwise
            // read as an absolute file path, so only web URLs count.
            var href = link.GetAttribute("href")!.Trim();
            var resolved = pageBase is not null ? Uri.TryCreate(pageBase, href, out var url) : Uri.TryCreate(href, UriKind.Absolute, out url);
            if (resolved && url!.Scheme is "http" or "https" && !feeds.Contains(url))
            {
                feeds.Add(url);
            }
        }

        return feeds;
    }

    private static string Decode(byte[] body)
    {
        // Feed links are ASCII in practice; UTF-8 with replacement is enough to find them.
        return Encoding.UTF8.GetString(body);
    }
}
