using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using FeedHub.Contracts;

namespace FeedHub.Parsing;

/// <summary>Reads RSS 2.0 and Atom 1.0 through System.ServiceModel.Syndication, leniently.</summary>
internal static class SyndicationParser
{
    private const string DublinCore = "http://purl.org/dc/elements/1.1/";
    private const string ContentModule = "http://purl.org/rss/1.0/modules/content/";

    /// <summary>Stands in for a URL the formatter could not parse; returning false would make it throw.</summary>
    private static readonly Uri InvalidUri = new("urn:feedhub:invalid-url");

    public static FeedParseResult Parse(byte[] body, FeedFormat format, ParseContext context)
    {
        XDocument document;
        try
        {
            using var reader = SafeXml.CreateReader(body);
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            return new FeedParseResult.Rejected(format, $"malformed XML: {OneLine(e.Message)}", []);
        }

        var warnings = new ParseWarnings();
        SyndicationRepairs.Apply(document, format, warnings);
        var dates = new FeedDates(context, warnings);

        SyndicationFeedFormatter formatter = format == FeedFormat.Atom10 ? new Atom10FeedFormatter() : new Rss20FeedFormatter();
        formatter.DateTimeParser = (XmlDateTimeData data, out DateTimeOffset result) =>
        {
            // Always true: a false return makes the formatter throw, and one bad date must not cost the feed.
            result = dates.Read(data.DateTimeString) ?? DateTimeOffset.MinValue;
            return true;
        };
        formatter.UriParser = (XmlUriData data, out Uri uri) =>
        {
            uri = LenientUri(data, warnings);
            return true;
        };

        try
        {
            // Re-read from text rather than XDocument.CreateReader, which reports whitespace as Text and trips the formatter.
            using var reader = SafeXml.CreateReader(document.ToString(SaveOptions.DisableFormatting));
            formatter.ReadFrom(reader);
        }
        catch (Exception e) when (e is XmlException or FormatException or ArgumentException or NotSupportedException or InvalidOperationException or OverflowException)
        {
            return new FeedParseResult.Rejected(format, $"not a valid {format.ToContractName()} feed: {OneLine(e.Message)}", []);
        }

        return new FeedParseResult.Parsed(MapFeed(formatter.Feed, format, context, dates, warnings));
    }

    private static ParsedFeed MapFeed(SyndicationFeed feed, FeedFormat format, ParseContext context, FeedDates dates, ParseWarnings warnings)
    {
        var feedBase = Combine(context.BaseUrl, feed.BaseUri);
        var items = feed.Items.Select(item => MapItem(item, format, feedBase, dates)).ToList();
        var updated = Date(feed.LastUpdatedTime) ?? ExtensionTexts(feed.ElementExtensions, "date", DublinCore).Select(dates.Read).FirstOrDefault(d => d is not null);

        return new ParsedFeed(
            format,
            Text(feed.Title, format),
            AlternateLink(feed.Links, feedBase, null),
            Text(feed.Description, format),
            string.IsNullOrWhiteSpace(feed.Language) ? null : feed.Language.Trim(),
            updated,
            items,
            warnings.ToList());
    }

    private static ParsedItem MapItem(SyndicationItem item, FeedFormat format, Uri? feedBase, FeedDates dates)
    {
        var itemBase = Combine(feedBase, item.BaseUri);
        var published = Date(item.PublishDate)
            ?? ExtensionTexts(item.ElementExtensions, "date", DublinCore).Select(dates.Read).FirstOrDefault(d => d is not null);

        string? summary, content;
        if (format == FeedFormat.Atom10)
        {
            summary = Text(item.Summary, format);
            content = Content(item.Content);
        }
        else
        {
            // Without a link the formatter moves <description> into Content; it is still the description.
            summary = Text(item.Summary, format) ?? Content(item.Content);
            content = ExtensionTexts(item.ElementExtensions, "encoded", ContentModule).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
        }

        return new ParsedItem
        {
            Id = string.IsNullOrWhiteSpace(item.Id) ? null : item.Id.Trim(),
            Link = AlternateLink(item.Links, itemBase, item.Id),
            Title = Text(item.Title, format),
            SummaryHtml = summary,
            ContentHtml = content,
            Authors = Authors(item, itemBase),
            Categories = [.. item.Categories.Select(c => c.Label ?? c.Name).OfType<string>()],
            Enclosures = [.. Enclosures(item.Links, itemBase)],
            Published = published,
            Updated = Date(item.LastUpdatedTime),
            BaseUrl = itemBase,
        };
    }

    private static string? AlternateLink(IEnumerable<SyndicationLink> links, Uri? baseUrl, string? itemId)
    {
        var candidates = links
            .Where(l => l.RelationshipType is null or "alternate" && l.Uri is { } uri && uri != InvalidUri && uri.OriginalString.Trim().Length > 0)
            .OrderBy(l => l.MediaType is null or "text/html" ? 0 : 1);
        foreach (var link in candidates)
        {
            var resolved = Resolve(Combine(baseUrl, link.BaseUri), link.Uri);

            // RSS turns a guid into a link when isPermaLink is left out; a guid that is no URL is no link.
            if (itemId is not null && link.Uri.OriginalString == itemId && !link.Uri.IsAbsoluteUri)
            {
                continue;
            }

            return resolved;
        }

        return null;
    }

    private static IEnumerable<ParsedEnclosure> Enclosures(IEnumerable<SyndicationLink> links, Uri? baseUrl) =>
        links
            .Where(l => l.RelationshipType == "enclosure" && l.Uri is { } uri && uri != InvalidUri && uri.OriginalString.Trim().Length > 0)
            .Select(l => new ParsedEnclosure(
                Resolve(Combine(baseUrl, l.BaseUri), l.Uri),
                string.IsNullOrWhiteSpace(l.MediaType) ? null : l.MediaType.Trim(),
                l.Length > 0 ? l.Length : null));

    private static List<FeedAuthor> Authors(SyndicationItem item, Uri? baseUrl)
    {
        var authors = new List<FeedAuthor>();
        foreach (var person in item.Authors)
        {
            if (PersonAuthor(person, baseUrl) is { } author)
            {
                authors.Add(author);
            }
        }

        foreach (var creator in ExtensionTexts(item.ElementExtensions, "creator", DublinCore))
        {
            if (!string.IsNullOrWhiteSpace(creator))
            {
                authors.Add(new FeedAuthor(creator.Trim()));
            }
        }

        return authors;
    }

    private static FeedAuthor? PersonAuthor(SyndicationPerson person, Uri? baseUrl)
    {
        var uri = string.IsNullOrWhiteSpace(person.Uri) || !Uri.TryCreate(person.Uri.Trim(), UriKind.RelativeOrAbsolute, out var raw)
            ? null
            : Uri.TryCreate(Resolve(baseUrl, raw), UriKind.Absolute, out var absolute) ? absolute : null;

        if (!string.IsNullOrWhiteSpace(person.Name))
        {
            return new FeedAuthor(person.Name.Trim(), NullIfBlank(person.Email), uri);
        }

        // RSS <author> lands in Email and is written "jane@example.com (Jane Doe)", or just a name.
        return string.IsNullOrWhiteSpace(person.Email) ? null : RssAuthor.Parse(person.Email, uri);
    }

    private static string? Text(TextSyndicationContent? content, FeedFormat format)
    {
        if (content is null || string.IsNullOrWhiteSpace(content.Text))
        {
            return null;
        }

        // Atom type="text" is plain text; downstream treats every text as HTML, so escape it once here.
        return format == FeedFormat.Atom10 && content.Type is null or "text" ? WebUtility.HtmlEncode(content.Text) : content.Text;
    }

    private static string? Content(SyndicationContent? content)
    {
        switch (content)
        {
            case TextSyndicationContent text:
                return string.IsNullOrWhiteSpace(text.Text) ? null
                    : text.Type is null or "text" ? WebUtility.HtmlEncode(text.Text)
                    : text.Text;
            case XmlSyndicationContent xml:
                using (var reader = xml.GetReaderAtContent())
                {
                    var inner = reader.ReadInnerXml();
                    return string.IsNullOrWhiteSpace(inner) ? null : inner;
                }

            default:
                // Out-of-line content (src=…) is not fetched here.
                return null;
        }
    }

    private static IEnumerable<string> ExtensionTexts(SyndicationElementExtensionCollection extensions, string name, string ns)
    {
        foreach (var extension in extensions)
        {
            if (extension.OuterName == name && extension.OuterNamespace == ns)
            {
                using var reader = extension.GetReader();
                reader.MoveToContent();
                var element = (XElement)XNode.ReadFrom(reader);

                // Unescaped HTML in content:encoded arrives as child elements; keep it as markup.
                yield return element.HasElements ? string.Concat(element.Nodes()) : element.Value;
            }
        }
    }

    private static Uri LenientUri(XmlUriData data, ParseWarnings warnings)
    {
        var text = data.UriString?.Trim() ?? string.Empty;
        if (Uri.TryCreate(text, data.UriKind, out var uri))
        {
            return uri;
        }

        if (Uri.TryCreate(text.Replace(" ", "%20", StringComparison.Ordinal), data.UriKind, out uri))
        {
            return uri;
        }

        warnings.Add($"URL \"{text}\" in <{data.ElementQualifiedName?.Name}> is not valid; ignored");
        return InvalidUri;
    }

    private static DateTimeOffset? Date(DateTimeOffset value) => value == DateTimeOffset.MinValue ? null : value;

    private static Uri? Combine(Uri? baseUrl, Uri? relative) => relative switch
    {
        null => baseUrl,
        { IsAbsoluteUri: true } => relative,
        _ when baseUrl is { IsAbsoluteUri: true } && Uri.TryCreate(baseUrl, relative, out var combined) => combined,
        _ => baseUrl,
    };

    private static string Resolve(Uri? baseUrl, Uri target) =>
        !target.IsAbsoluteUri && baseUrl is { IsAbsoluteUri: true } && Uri.TryCreate(baseUrl, target, out var absolute)
            ? absolute.OriginalString
            : target.OriginalString;

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
