using System.Text;
using System.Xml;
using FeedHub.Contracts;

namespace FeedHub.Parsing;

/// <summary>
/// Reads Atom 1.0 and its predecessor Atom 0.3, which differ in a few element names (tagline, issued,
/// modified) and in how content says what it is (0.3's mode="escaped|xml|base64").
/// </summary>
internal static class AtomReader
{
    /// <summary>Reads from the feed root element on.</summary>
    public static void Read(XmlReader reader, FeedReading reading)
    {
        var feedBase = FeedXml.Base(reader, reading.Context.BaseUrl);
        reading.Language ??= NullIfBlank(reader.GetAttribute("lang", FeedNamespaces.Xml));
        if (!FeedXml.Enter(reader, out var depth))
        {
            return;
        }

        while (FeedXml.NextChild(reader, depth, reading.Limits))
        {
            if (!IsAtom(reader))
            {
                reader.Skip();
                continue;
            }

            switch (reader.LocalName)
            {
                case "title":
                    reading.Title = FeedXml.First(reading.Title, TextConstruct(reader, reading));
                    break;
                case "subtitle" or "tagline":
                    reading.Description = FeedXml.First(reading.Description, TextConstruct(reader, reading));
                    break;
                case "link":
                    if (reader.GetAttribute("rel") is null or "alternate" && reader.GetAttribute("type") is null or "text/html")
                    {
                        reading.Link ??= Resolve(reader.GetAttribute("href"), FeedXml.Base(reader, feedBase));
                    }
                    else
                    {
                        reading.NotePushLink(reader.GetAttribute("rel"), Resolve(reader.GetAttribute("href"), FeedXml.Base(reader, feedBase)));
                    }

                    reader.Skip();
                    break;
                case "updated" or "modified":
                    reading.Updated = FeedXml.First(reading.Updated, reading.Dates.Read(FeedXml.ReadText(reader, reading)));
                    break;
                case "author":
                    if (Person(reader, reading, feedBase) is { } author)
                    {
                        reading.FeedAuthors.Add(author);
                    }

                    break;
                case "entry":
                    ReadEntry(reader, reading, feedBase);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    /// <summary>Reads one entry; salvage calls this on entries cut out of a broken document.</summary>
    public static void ReadEntry(XmlReader reader, FeedReading reading, Uri? parentBase)
    {
        var entryBase = FeedXml.Base(reader, parentBase);
        var item = new ItemDraft(entryBase);
        if (FeedXml.Enter(reader, out var depth))
        {
            while (FeedXml.NextChild(reader, depth, reading.Limits))
            {
                if (IsAtom(reader))
                {
                    EntryElement(reader, item, reading, entryBase);
                }
                else if (!ItemExtensions.TryRead(reader, item, reading))
                {
                    reader.Skip();
                }
            }
        }

        reading.AddItem(item);
    }

    private static void EntryElement(XmlReader reader, ItemDraft item, FeedReading reading, Uri? entryBase)
    {
        switch (reader.LocalName)
        {
            case "id":
                item.Id = FeedXml.First(item.Id, FeedXml.ReadText(reader, reading));
                break;
            case "title":
                item.Title = FeedXml.First(item.Title, TextConstruct(reader, reading));
                break;
            case "link":
                Link(reader, item, entryBase);
                break;
            case "summary":
                item.Summary = FeedXml.First(item.Summary, TextConstruct(reader, reading));
                break;
            case "content":
                // HTML inside content resolves against the content's own xml:base when it has one.
                item.BaseUrl = FeedXml.Base(reader, item.BaseUrl);
                item.Content = FeedXml.First(item.Content, TextConstruct(reader, reading));
                break;
            case "author":
                if (Person(reader, reading, entryBase) is { } author)
                {
                    item.Authors.Add(author);
                }

                break;
            case "category":
                var category = reader.GetAttribute("label") ?? reader.GetAttribute("term");
                if (!string.IsNullOrWhiteSpace(category))
                {
                    item.Categories.Add(category);
                    reader.Skip();
                }
                else
                {
                    // Atom 0.3 era feeds put the category in the element's text.
                    item.Categories.Add(FeedXml.ReadText(reader, reading));
                }

                break;
            case "published" or "issued":
                item.Published = FeedXml.First(item.Published, reading.Dates.Read(FeedXml.ReadText(reader, reading)));
                break;
            case "created":
                item.FallbackPublished = FeedXml.First(item.FallbackPublished, reading.Dates.Read(FeedXml.ReadText(reader, reading)));
                break;
            case "updated" or "modified":
                item.Updated = FeedXml.First(item.Updated, reading.Dates.Read(FeedXml.ReadText(reader, reading)));
                break;
            default:
                // contributor, rights, source: nothing in the schema holds them.
                reader.Skip();
                break;
        }
    }

    private static void Link(XmlReader reader, ItemDraft item, Uri? entryBase)
    {
        var rel = reader.GetAttribute("rel")?.Trim();
        var href = Resolve(reader.GetAttribute("href"), FeedXml.Base(reader, entryBase));
        if (rel is null or "" or "alternate")
        {
            var type = reader.GetAttribute("type");
            if (type is null or "text/html" or "application/xhtml+xml")
            {
                item.Link ??= href;
            }
            else
            {
                item.AlternateLink ??= href;
            }
        }
        else if (rel == "enclosure")
        {
            item.AddEnclosure(href, reader.GetAttribute("type"), FeedXml.LongAttribute(reader, "length"));
        }

        reader.Skip();
    }

    /// <summary>An Atom text construct as HTML: text is escaped, html taken as is, xhtml serialized.</summary>
    private static string? TextConstruct(XmlReader reader, FeedReading reading)
    {
        if (reader.GetAttribute("src") is not null)
        {
            // Out-of-line content is not fetched here.
            reader.Skip();
            return null;
        }

        var type = reader.GetAttribute("type")?.Trim().ToLowerInvariant();
        var mode = reader.GetAttribute("mode")?.Trim().ToLowerInvariant();
        var markup = type is "xhtml" or "application/xhtml+xml" || (mode is null or "xml" && reading.Format == FeedFormat.Atom03);
        var text = FeedXml.ReadText(reader, reading, markup);
        if (mode == "base64")
        {
            try
            {
                text = Encoding.UTF8.GetString(Convert.FromBase64String(text.Trim()));
            }
            catch (FormatException)
            {
                reading.Warnings.Add("base64 content is not valid base64; dropped");
                return null;
            }
        }

        return type switch
        {
            null or "text" or "text/plain" when mode is not "escaped" => TextAsHtml.Encode(text),
            null or "text" or "text/plain" or "html" or "text/html" or "xhtml" or "application/xhtml+xml" => text,
            _ when type.StartsWith("text/", StringComparison.Ordinal) => TextAsHtml.Encode(text),
            _ => null,
        };
    }

    private static FeedAuthor? Person(XmlReader reader, FeedReading reading, Uri? parentBase)
    {
        string? name = null, email = null, uri = null;
        var personBase = FeedXml.Base(reader, parentBase);
        if (FeedXml.Enter(reader, out var depth))
        {
            while (FeedXml.NextChild(reader, depth, reading.Limits))
            {
                switch (reader.LocalName)
                {
                    case "name":
                        name = FeedXml.First(name, FeedXml.ReadText(reader, reading).Trim());
                        break;
                    case "email":
                        email = FeedXml.First(email, FeedXml.ReadText(reader, reading).Trim());
                        break;
                    case "uri" or "url":
                        uri = FeedXml.First(uri, FeedXml.ReadText(reader, reading).Trim());
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }

        var absolute = Resolve(uri, personBase) is { } resolved && Uri.TryCreate(resolved, UriKind.Absolute, out var u) && !u.IsFile ? u : null;
        return string.IsNullOrWhiteSpace(name) && string.IsNullOrWhiteSpace(email)
            ? null
            : new FeedAuthor(string.IsNullOrWhiteSpace(name) ? email! : name, NullIfBlank(email), absolute);
    }

    private static bool IsAtom(XmlReader reader) => reader.NamespaceURI is FeedNamespaces.Atom10 or FeedNamespaces.Atom03 or "";

    /// <summary>Atom links resolve against xml:base where they stand, which the item's base alone would miss.</summary>
    private static string? Resolve(string? href, Uri? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        var trimmed = href.Trim();
        return baseUrl is { IsAbsoluteUri: true } && Uri.TryCreate(trimmed, UriKind.Relative, out _) && Uri.TryCreate(baseUrl, trimmed, out var absolute)
            ? absolute.OriginalString
            : trimmed;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
