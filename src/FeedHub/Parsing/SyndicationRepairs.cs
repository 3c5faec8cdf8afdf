using System.Globalization;
using System.Xml.Linq;

namespace FeedHub.Parsing;

/// <summary>
/// Fixes, before System.ServiceModel.Syndication reads a document, the slips it would otherwise reject the
/// whole feed for: a missing or odd RSS version, raw HTML inside text elements, non-numeric lengths.
/// </summary>
internal static class SyndicationRepairs
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    // Elements the formatter reads with ReadElementString, which throws on child elements.
    private static readonly HashSet<string> RssTextElements = new(StringComparer.Ordinal)
    {
        "title", "link", "description", "author", "category", "guid", "comments", "pubDate", "lastBuildDate",
        "language", "generator", "copyright", "managingEditor", "webMaster", "docs", "ttl", "rating", "source",
    };

    public static void Apply(XDocument document, FeedFormat format, ParseWarnings warnings)
    {
        if (document.Root is not { } root)
        {
            return;
        }

        if (format == FeedFormat.Rss20)
        {
            RepairRss(root, warnings);
        }
        else if (format == FeedFormat.Atom10)
        {
            foreach (var link in root.Descendants(Atom + "link"))
            {
                RemoveInvalidLength(link, warnings);
            }
        }
    }

    private static void RepairRss(XElement root, ParseWarnings warnings)
    {
        var version = (string?)root.Attribute("version");
        if (version != "2.0")
        {
            // The formatter accepts exactly "2.0"; "2.01" and a missing version are the same format in practice.
            root.SetAttributeValue("version", "2.0");
            if (string.IsNullOrWhiteSpace(version))
            {
                warnings.Add("rss element has no version; read as RSS 2.0");
            }
        }

        if (root.Element("channel") is not { } channel)
        {
            return;
        }

        foreach (var element in channel.Elements("item").Prepend(channel))
        {
            foreach (var child in element.Elements())
            {
                if (child.Name.Namespace == XNamespace.None && RssTextElements.Contains(child.Name.LocalName) && child.HasElements)
                {
                    child.ReplaceNodes(new XText(string.Concat(child.Nodes())));
                    warnings.Add($"<{child.Name.LocalName}> contained unescaped markup; read as HTML");
                }
            }

            foreach (var enclosure in element.Elements("enclosure"))
            {
                RemoveInvalidLength(enclosure, warnings);
            }
        }
    }

    private static void RemoveInvalidLength(XElement element, ParseWarnings warnings)
    {
        if (element.Attribute("length") is { } length
            && !long.TryParse(length.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            if (length.Value.Trim().Length > 0)
            {
                warnings.Add($"{element.Name.LocalName} length \"{length.Value}\" is not a number; ignored");
            }

            length.Remove();
        }
    }
}
