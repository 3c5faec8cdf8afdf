using System.Xml;

namespace FeedHub.Parsing;

/// <summary>Reads one &lt;item&gt; of RSS 0.9x, 1.0 or 2.0: the three share their item elements.</summary>
internal static class RssItemReader
{
    public static void Read(XmlReader reader, FeedReading reading, Uri? parentBase)
    {
        var item = new ItemDraft(FeedXml.Base(reader, parentBase));

        // RSS 1.0 names each item by its URI; it is the item's identity as a guid is in RSS 2.0.
        item.Id = reader.GetAttribute("about", FeedNamespaces.Rdf);
        if (FeedXml.Enter(reader, out var depth))
        {
            while (FeedXml.NextChild(reader, depth, reading.Limits))
            {
                if (!FeedXml.IsRssCore(reader))
                {
                    if (!ItemExtensions.TryRead(reader, item, reading))
                    {
                        reader.Skip();
                    }

                    continue;
                }

                ReadCore(reader, item, reading);
            }
        }

        reading.AddItem(item);
    }

    private static void ReadCore(XmlReader reader, ItemDraft item, FeedReading reading)
    {
        switch (reader.LocalName)
        {
            case "title":
                item.Title = FeedXml.First(item.Title, FeedXml.ReadText(reader, reading));
                break;
            case "link":
                item.Link = FeedXml.First(item.Link, FeedXml.ReadText(reader, reading));
                break;
            case "description":
                item.Summary = FeedXml.First(item.Summary, FeedXml.ReadText(reader, reading));
                break;
            case "guid":
                Guid(reader, item, reading);
                break;
            case "author":
                var author = FeedXml.ReadText(reader, reading);
                if (!string.IsNullOrWhiteSpace(author))
                {
                    item.Authors.Add(RssAuthor.Parse(author, null));
                }

                break;
            case "category":
                item.Categories.Add(FeedXml.ReadText(reader, reading));
                break;
            case "pubDate":
                item.Published = FeedXml.First(item.Published, reading.Dates.Read(FeedXml.ReadText(reader, reading)));
                break;
            case "enclosure":
                item.AddEnclosure(reader.GetAttribute("url"), reader.GetAttribute("type"), Length(reader, reading));
                reader.Skip();
                break;
            default:
                // comments, source, and anything unknown.
                reader.Skip();
                break;
        }
    }

    private static void Guid(XmlReader reader, ItemDraft item, FeedReading reading)
    {
        var permaLink = !string.Equals(reader.GetAttribute("isPermaLink")?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        var guid = FeedXml.ReadText(reader, reading).Trim();
        if (guid.Length == 0)
        {
            return;
        }

        item.Id = guid;

        // A guid stands in for a missing link only when it is a web address; "4996400" is an id, not a link.
        if (permaLink && (guid.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || guid.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            item.PermaLink = guid;
        }
    }

    private static long? Length(XmlReader reader, FeedReading reading)
    {
        var text = reader.GetAttribute("length");
        var length = FeedXml.LongAttribute(reader, "length");
        if (length is null && !string.IsNullOrWhiteSpace(text))
        {
            reading.Warnings.Add($"enclosure length \"{text.Trim()}\" is not a number; ignored");
        }

        return length;
    }
}
