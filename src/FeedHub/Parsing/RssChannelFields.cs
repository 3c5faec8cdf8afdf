using System.Xml;

namespace FeedHub.Parsing;

/// <summary>The channel elements RSS 0.9x, 1.0 and 2.0 share, read into the feed's own fields.</summary>
internal static class RssChannelFields
{
    /// <returns>False, without moving, when the element is not a channel field (an item, or something to skip).</returns>
    public static bool TryRead(XmlReader reader, FeedReading reading)
    {
        if (RssPollHints.IsHint(reader))
        {
            reading.PollHints.Read(reader, reading);
            return true;
        }

        if (FeedXml.IsRssCore(reader))
        {
            switch (reader.LocalName)
            {
                case "title":
                    reading.Title = FeedXml.First(reading.Title, FeedXml.ReadText(reader, reading));
                    return true;
                case "link":
                    reading.Link = FeedXml.First(reading.Link, FeedXml.ReadText(reader, reading));
                    return true;
                case "description":
                    reading.Description = FeedXml.First(reading.Description, FeedXml.ReadText(reader, reading));
                    return true;
                case "language":
                    reading.Language = FeedXml.First(reading.Language, NullIfBlank(FeedXml.ReadText(reader, reading)));
                    return true;
                case "lastBuildDate" or "pubDate":
                    reading.Updated = FeedXml.First(reading.Updated, reading.Dates.Read(FeedXml.ReadText(reader, reading)));
                    return true;
                default:
                    return false;
            }
        }

        switch (reader.NamespaceURI, reader.LocalName)
        {
            case (FeedNamespaces.DublinCore, "language"):
                reading.Language = FeedXml.First(reading.Language, NullIfBlank(FeedXml.ReadText(reader, reading)));
                return true;
            case (FeedNamespaces.DublinCore, "date"):
                reading.Updated = FeedXml.First(reading.Updated, reading.Dates.Read(FeedXml.ReadText(reader, reading)));
                return true;
            case (FeedNamespaces.DublinCore, "title"):
                reading.Title = FeedXml.First(reading.Title, FeedXml.ReadText(reader, reading));
                return true;
            case (FeedNamespaces.Atom10, "link"):
                if (reader.GetAttribute("rel") is null or "alternate")
                {
                    reading.Link ??= reader.GetAttribute("href");
                }
                else
                {
                    reading.NotePushLink(reader.GetAttribute("rel"), reader.GetAttribute("href"));
                }

                reader.Skip();
                return true;
            default:
                return false;
        }
    }

    private static string? NullIfBlank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
