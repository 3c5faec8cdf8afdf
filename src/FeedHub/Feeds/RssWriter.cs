using System.Globalization;
using System.Xml;

namespace FeedHub.Feeds;

/// <summary>Writes a merged feed as RSS 2.0; each item names its outlet in &lt;source&gt;.</summary>
internal static class RssWriter
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private const string DcNs = "http://purl.org/dc/elements/1.1/";
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";

    public static byte[] Write(MergedFeed feed, FeedAddress address)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, FeedXml.Settings))
        {
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "atom", null, AtomNs);
            xml.WriteAttributeString("xmlns", "dc", null, DcNs);
            xml.WriteAttributeString("xmlns", "content", null, ContentNs);
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", feed.Title);
            xml.WriteElementString("link", address.Newest(FeedOutput.Html).AbsoluteUri);
            xml.WriteElementString("description", feed.Description ?? feed.Title);
            xml.WriteElementString("lastBuildDate", FeedTimestamps.Rfc1123(feed.UpdatedAt));
            xml.WriteElementString("generator", "FeedHub");
            WriteAtomLink(xml, "self", address.Self(FeedOutput.Rss));

            // RFC 5005 paging, borrowed into RSS the usual way: an atom:link to older items.
            if (address.Next(FeedOutput.Rss, feed) is { } next)
            {
                WriteAtomLink(xml, "next", next);
            }

            foreach (var item in feed.Items)
            {
                WriteItem(xml, item);
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return buffer.ToArray();
    }

    private static void WriteAtomLink(XmlWriter xml, string rel, Uri href)
    {
        xml.WriteStartElement("atom", "link", AtomNs);
        xml.WriteAttributeString("href", href.AbsoluteUri);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", "application/rss+xml");
        xml.WriteEndElement();
    }

    private static void WriteItem(XmlWriter xml, MergedFeedItem item)
    {
        xml.WriteStartElement("item");
        xml.WriteElementString("title", FeedXml.Clean(item.Title));
        if (item.Link is { } link)
        {
            xml.WriteElementString("link", link.AbsoluteUri);
        }

        xml.WriteStartElement("guid");
        xml.WriteAttributeString("isPermaLink", "false");
        xml.WriteString(FeedTimestamps.IdOf(item.Id));
        xml.WriteEndElement();
        if ((item.SummaryWithRetellings ?? item.ContentWithRetellings) is { Length: > 0 } description)
        {
            xml.WriteElementString("description", FeedXml.Clean(description));
        }

        if (item.ContentWithRetellings is { Length: > 0 } content)
        {
            xml.WriteElementString("encoded", ContentNs, FeedXml.Clean(content));
        }

        xml.WriteElementString("pubDate", FeedTimestamps.Rfc1123(item.Published ?? item.DiscoveredAt));
        foreach (var author in item.Credits)
        {
            xml.WriteElementString("creator", DcNs, FeedXml.Clean(author.Name));
        }

        foreach (var category in item.Categories)
        {
            xml.WriteElementString("category", FeedXml.Clean(category));
        }

        // RSS allows one enclosure per item, with length and type required.
        if (item.Enclosures is [var enclosure, ..])
        {
            xml.WriteStartElement("enclosure");
            xml.WriteAttributeString("url", enclosure.Url.AbsoluteUri);
            xml.WriteAttributeString("length", (enclosure.Length ?? 0).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("type", FeedXml.Clean(enclosure.Type ?? "application/octet-stream"));
            xml.WriteEndElement();
        }

        xml.WriteStartElement("source");
        xml.WriteAttributeString("url", item.Source.Url.AbsoluteUri);
        xml.WriteString(FeedXml.Clean(item.Source.Title));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }
}
