using System.Xml;

namespace FeedHub.Feeds;

/// <summary>Writes a merged feed as Atom 1.0; each entry carries a &lt;source&gt; crediting its outlet.</summary>
internal static class AtomWriter
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    public static byte[] Write(MergedFeed feed, FeedAddress address)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, FeedXml.Settings))
        {
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("id", Atom, FeedTimestamps.IdOf(DeterministicGuid.Create($"merged-feed:{feed.Slug}")));
            xml.WriteElementString("title", Atom, feed.Title);
            if (feed.Description is { } description)
            {
                xml.WriteElementString("subtitle", Atom, description);
            }

            xml.WriteElementString("updated", Atom, FeedTimestamps.Rfc3339(feed.UpdatedAt));
            WriteLink(xml, "self", address.Self(FeedOutput.Atom), "application/atom+xml");
            WriteLink(xml, "alternate", address.Newest(FeedOutput.Html), "text/html");

            // RFC 5005 §3: a reader who fell behind follows "next" to older entries.
            if (address.Next(FeedOutput.Atom, feed) is { } next)
            {
                WriteLink(xml, "next", next, "application/atom+xml");
            }

            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, "FeedHub");
            xml.WriteEndElement();
            xml.WriteElementString("generator", Atom, "FeedHub");
            foreach (var item in feed.Items)
            {
                WriteEntry(xml, item);
            }

            xml.WriteEndElement();
        }

        return buffer.ToArray();
    }

    private static void WriteEntry(XmlWriter xml, MergedFeedItem item)
    {
        xml.WriteStartElement("entry", Atom);
        xml.WriteElementString("id", Atom, FeedTimestamps.IdOf(item.Id));
        xml.WriteElementString("title", Atom, FeedXml.Clean(item.Title));
        if (item.Link is { } link)
        {
            WriteLink(xml, "alternate", link, "text/html");
        }

        if (item.Published is { } published)
        {
            xml.WriteElementString("published", Atom, FeedTimestamps.Rfc3339(published));
        }

        xml.WriteElementString("updated", Atom, FeedTimestamps.Rfc3339(FeedTimestamps.UpdatedOf(item)));
        foreach (var author in item.Credits)
        {
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, FeedXml.Clean(author.Name));
            if (author.Email is { } email)
            {
                xml.WriteElementString("email", Atom, FeedXml.Clean(email));
            }

            if (author.Uri is { } uri)
            {
                xml.WriteElementString("uri", Atom, uri.AbsoluteUri);
            }

            xml.WriteEndElement();
        }

        foreach (var category in item.Categories)
        {
            xml.WriteStartElement("category", Atom);
            xml.WriteAttributeString("term", FeedXml.Clean(category));
            xml.WriteEndElement();
        }

        WriteHtml(xml, "summary", item.SummaryWithRetellings);
        WriteHtml(xml, "content", item.ContentWithRetellings);
        foreach (var enclosure in item.Enclosures)
        {
            xml.WriteStartElement("link", Atom);
            xml.WriteAttributeString("rel", "enclosure");
            xml.WriteAttributeString("href", enclosure.Url.AbsoluteUri);
            if (enclosure.Type is { } type)
            {
                xml.WriteAttributeString("type", FeedXml.Clean(type));
            }

            if (enclosure.Length is { } length)
            {
                xml.WriteAttributeString("length", length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            xml.WriteEndElement();
        }

        WriteSource(xml, item.Source);
        xml.WriteEndElement();
    }

    private static void WriteSource(XmlWriter xml, MergedFeedSource source)
    {
        xml.WriteStartElement("source", Atom);
        xml.WriteElementString("id", Atom, FeedTimestamps.IdOf(source.Id));
        xml.WriteElementString("title", Atom, FeedXml.Clean(source.Title));
        WriteLink(xml, "self", source.Url, null);
        if (source.SiteLink is { } site)
        {
            WriteLink(xml, "alternate", site, "text/html");
        }

        xml.WriteEndElement();
    }

    private static void WriteHtml(XmlWriter xml, string element, string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return;
        }

        xml.WriteStartElement(element, Atom);
        xml.WriteAttributeString("type", "html");
        xml.WriteString(FeedXml.Clean(html));
        xml.WriteEndElement();
    }

    private static void WriteLink(XmlWriter xml, string rel, Uri href, string? type)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href.AbsoluteUri);
        if (type is not null)
        {
            xml.WriteAttributeString("type", type);
        }

        xml.WriteEndElement();
    }
}
