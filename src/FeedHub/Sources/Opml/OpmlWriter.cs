using System.Globalization;
using System.Text;
using System.Xml;

namespace FeedHub.Sources.Opml;

/// <summary>
/// Writes sources as OPML 2.0 with tags as folders, the shape every feed reader imports. A source with
/// several tags is listed in each tag's folder; importing the file back gives it all of them again.
/// </summary>
internal static class OpmlWriter
{
    public const string ContentType = "text/x-opml; charset=utf-8";
    public const string FileName = "feedhub-sources.opml";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
    };

    public static byte[] Write(string title, IReadOnlyList<Source> sources, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(sources);
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("opml");
            xml.WriteAttributeString("version", "2.0");
            WriteHead(xml, title, createdAt);
            xml.WriteStartElement("body");
            WriteBody(xml, sources);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static void WriteHead(XmlWriter xml, string title, DateTimeOffset createdAt)
    {
        xml.WriteStartElement("head");
        xml.WriteElementString("title", title);

        // OPML dates are RFC 822, as in RSS.
        xml.WriteElementString("dateCreated", createdAt.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture));
        xml.WriteEndElement();
    }

    private static void WriteBody(XmlWriter xml, IReadOnlyList<Source> sources)
    {
        var ordered = sources.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Id).ToList();
        var folders = ordered
            .SelectMany(s => s.Tags.Select(tag => (Tag: tag.Trim(), Source: s)))
            .Where(t => t.Tag.Length > 0)
            .GroupBy(t => t.Tag, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase);
        foreach (var folder in folders)
        {
            xml.WriteStartElement("outline");
            xml.WriteAttributeString("text", folder.Key);
            xml.WriteAttributeString("title", folder.Key);
            foreach (var source in folder.Select(t => t.Source).Distinct())
            {
                WriteFeed(xml, source);
            }

            xml.WriteEndElement();
        }

        foreach (var source in ordered.Where(s => !s.Tags.Any(t => !string.IsNullOrWhiteSpace(t))))
        {
            WriteFeed(xml, source);
        }
    }

    private static void WriteFeed(XmlWriter xml, Source source)
    {
        xml.WriteStartElement("outline");
        xml.WriteAttributeString("text", source.Name);
        xml.WriteAttributeString("title", source.Name);
        xml.WriteAttributeString("type", "rss");
        xml.WriteAttributeString("xmlUrl", source.Url);
        if (source.SiteLink is { Length: > 0 } siteLink)
        {
            xml.WriteAttributeString("htmlUrl", siteLink);
        }

        xml.WriteEndElement();
    }
}
