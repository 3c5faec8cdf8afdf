using System.Xml;

namespace FeedHub.Sources.Opml;

/// <summary>The attributes of one <c>&lt;outline&gt;</c> that matter to FeedHub, read case-insensitively.</summary>
internal sealed record OpmlOutline(string? Title, string? Type, string? FeedUrl, string? HtmlUrl, string? Category)
{
    /// <summary>
    /// An outline is a feed when it names a feed URL or says it is one. OPML 2.0's <c>type="link"</c> and
    /// <c>"include"</c> outlines also carry a <c>url</c>, but to a page or another OPML file, not a feed.
    /// </summary>
    public bool IsFeed => FeedUrl is not null || Type is "rss" or "atom";

    public static OpmlOutline From(XmlReader xml)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (xml.MoveToNextAttribute())
        {
            attributes.TryAdd(xml.LocalName, xml.Value);
        }

        xml.MoveToElement();
        var type = OpmlText.Clean(attributes.GetValueOrDefault("type"))?.ToLowerInvariant();

        // Most tools write xmlUrl; a few write url on a feed outline instead.
        var feedUrl = OpmlText.Clean(attributes.GetValueOrDefault("xmlUrl"))
            ?? (type is null or "rss" or "atom" ? OpmlText.Clean(attributes.GetValueOrDefault("url")) : null);
        return new OpmlOutline(
            OpmlText.Clean(attributes.GetValueOrDefault("text")) ?? OpmlText.Clean(attributes.GetValueOrDefault("title")),
            type,
            feedUrl,
            OpmlText.Clean(attributes.GetValueOrDefault("htmlUrl")),
            attributes.GetValueOrDefault("category"));
    }
}
