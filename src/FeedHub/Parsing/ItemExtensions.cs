using System.Xml;
using FeedHub.Contracts;

namespace FeedHub.Parsing;

/// <summary>
/// The module elements RSS and Atom items share: Dublin Core, content:encoded, Media RSS, iTunes, slash and
/// atom:link in RSS. The parse schema has no fields of their own for them, so each lands in the field that
/// carries its meaning: media and artwork become enclosures, dc:subject a category, itunes:summary the summary
/// when there is none.
/// </summary>
internal static class ItemExtensions
{
    /// <summary>Reads the current element into <paramref name="item"/> if it is a module element.</summary>
    /// <returns>False, without moving, when the element belongs to none of the modules.</returns>
    public static bool TryRead(XmlReader reader, ItemDraft item, FeedReading reading)
    {
        switch (reader.NamespaceURI)
        {
            case FeedNamespaces.DublinCore:
                DublinCore(reader, item, reading);
                return true;
            case FeedNamespaces.DublinCoreTerms:
                switch (reader.LocalName)
                {
                    case "modified":
                        item.Updated = FeedXml.First(item.Updated, reading.Dates.Read(FeedXml.ReadText(reader, reading)));
                        break;
                    case "created" or "issued":
                        item.FallbackPublished = FeedXml.First(item.FallbackPublished, reading.Dates.Read(FeedXml.ReadText(reader, reading)));
                        break;
                    default:
                        reader.Skip();
                        break;
                }

                return true;
            case FeedNamespaces.Content when reader.LocalName == "encoded":
                item.Content = FeedXml.First(item.Content, FeedXml.ReadText(reader, reading));
                return true;
            case FeedNamespaces.Media:
                Media(reader, item, reading);
                return true;
            case FeedNamespaces.ITunes:
                ITunes(reader, item, reading);
                return true;
            case FeedNamespaces.Atom10 when reader.LocalName == "link":
                AtomLink(reader, item);
                return true;
            case FeedNamespaces.Atom10 when reader.LocalName == "updated":
                item.Updated = FeedXml.First(item.Updated, reading.Dates.Read(FeedXml.ReadText(reader, reading)));
                return true;
            case FeedNamespaces.Slash:
                // slash:comments is a count the schema has nowhere to put; read past it.
                reader.Skip();
                return true;
            default:
                return false;
        }
    }

    private static void DublinCore(XmlReader reader, ItemDraft item, FeedReading reading)
    {
        switch (reader.LocalName)
        {
            case "creator":
                var creator = FeedXml.ReadText(reader, reading).Trim();
                if (creator.Length > 0)
                {
                    item.Authors.Add(new FeedAuthor(creator));
                }

                break;
            case "date":
                item.FallbackPublished = FeedXml.First(item.FallbackPublished, reading.Dates.Read(FeedXml.ReadText(reader, reading)));
                break;
            case "subject":
                item.Categories.Add(FeedXml.ReadText(reader, reading));
                break;
            case "identifier":
                item.Id = FeedXml.First(item.Id, FeedXml.ReadText(reader, reading));
                break;
            case "title":
                item.FallbackTitle = FeedXml.First(item.FallbackTitle, FeedXml.ReadText(reader, reading));
                break;
            case "description":
                item.FallbackSummary = FeedXml.First(item.FallbackSummary, FeedXml.ReadText(reader, reading));
                break;
            default:
                // dc:rights, dc:language, dc:publisher…: nothing in the schema holds them per item.
                reader.Skip();
                break;
        }
    }

    private static void Media(XmlReader reader, ItemDraft item, FeedReading reading)
    {
        switch (reader.LocalName)
        {
            case "content":
                var url = reader.GetAttribute("url");
                var type = reader.GetAttribute("type") ?? MediaTypes.FromMedium(reader.GetAttribute("medium"), url);
                item.AddEnclosure(url, type, FeedXml.LongAttribute(reader, "fileSize"));
                Group(reader, item, reading);
                break;
            case "group":
                Group(reader, item, reading);
                break;
            case "thumbnail":
                var thumbnail = reader.GetAttribute("url");
                item.AddEnclosure(thumbnail, MediaTypes.ForImage(thumbnail), null);
                reader.Skip();
                break;
            case "title":
                item.FallbackTitle = FeedXml.First(item.FallbackTitle, PlainOrHtml(reader, reading));
                break;
            case "description":
                item.FallbackSummary = FeedXml.First(item.FallbackSummary, PlainOrHtml(reader, reading));
                break;
            default:
                reader.Skip();
                break;
        }
    }

    /// <summary>media:group and media:content hold the same media elements again; read them into the same item.</summary>
    private static void Group(XmlReader reader, ItemDraft item, FeedReading reading)
    {
        if (!FeedXml.Enter(reader, out var depth))
        {
            return;
        }

        while (FeedXml.NextChild(reader, depth, reading.Limits))
        {
            if (reader.NamespaceURI == FeedNamespaces.Media)
            {
                Media(reader, item, reading);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private static void ITunes(XmlReader reader, ItemDraft item, FeedReading reading)
    {
        switch (reader.LocalName)
        {
            case "author":
                item.FallbackAuthor = FeedXml.First(item.FallbackAuthor, FeedXml.ReadText(reader, reading));
                break;
            case "summary" or "subtitle":
                item.FallbackSummary = FeedXml.First(item.FallbackSummary, TextAsHtml.Encode(FeedXml.ReadText(reader, reading)));
                break;
            case "image":
                var href = reader.GetAttribute("href");
                item.AddEnclosure(href, MediaTypes.ForImage(href), null);
                reader.Skip();
                break;
            default:
                // itunes:duration, explicit, episode…: podcast details the schema has no field for.
                reader.Skip();
                break;
        }
    }

    private static void AtomLink(XmlReader reader, ItemDraft item)
    {
        var rel = reader.GetAttribute("rel");
        var href = reader.GetAttribute("href");
        if (rel is null or "alternate")
        {
            item.AlternateLink ??= href;
        }
        else if (rel == "enclosure")
        {
            item.AddEnclosure(href, reader.GetAttribute("type"), FeedXml.LongAttribute(reader, "length"));
        }

        reader.Skip();
    }

    /// <summary>Media RSS text is plain unless type="html"; everything downstream treats text as HTML.</summary>
    private static string PlainOrHtml(XmlReader reader, FeedReading reading)
    {
        var html = reader.GetAttribute("type") == "html";
        var text = FeedXml.ReadText(reader, reading);
        return html ? text : TextAsHtml.Encode(text);
    }
}
