using System.Text;
using System.Xml;
using FeedHub.Parsing;

namespace FeedHub.Sources.Opml;

/// <summary>
/// Reads OPML 1.0 and 2.0 subscription lists as feed readers really write them (Feedly, Inoreader,
/// NetNewsWire, FreshRSS, Miniflux…): attribute names in any case, folders nested to any depth, a
/// legacy encoding now and then. Streams the document, so a list of thousands of feeds costs little.
/// </summary>
internal static class OpmlReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        // An uploaded file is untrusted: a DTD could expand entities without bound or reach for local files.
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    public static OpmlReadResult Read(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length > OpmlLimits.MaxBytes)
        {
            return Reject($"the file is larger than {OpmlLimits.MaxBytes / (1024 * 1024)} MB, more than any subscription list needs");
        }

        var text = Decode(body);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Reject("the file is empty");
        }

        try
        {
            using var xml = XmlReader.Create(new StringReader(text), Settings);
            return ReadDocument(xml);
        }
        catch (XmlException e) when (DeclaresDtd(text))
        {
            return Reject($"it declares a DTD (<!DOCTYPE …>), which OPML does not use and FeedHub refuses for safety ({e.LineNumber}:{e.LinePosition})");
        }
        catch (XmlException e)
        {
            return Reject($"it is not well-formed XML: {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    /// <summary>Byte order mark, then the XML declaration, then valid UTF-8 or a legacy guess: the same judgement the feed parser makes.</summary>
    private static string Decode(byte[] body)
    {
        var choice = DocumentEncoding.Choose(body, contentType: null, languageHint: null, new ParseWarnings());
        return choice.Encoding.GetString(body, choice.PreambleLength, body.Length - choice.PreambleLength);
    }

    private static OpmlReadResult ReadDocument(XmlReader xml)
    {
        if (xml.MoveToContent() != XmlNodeType.Element)
        {
            return Reject("it has no root element");
        }

        if (!Is(xml, "opml"))
        {
            return Reject(NotOpml(xml.LocalName));
        }

        var walk = new OutlineWalk();
        while (xml.Read())
        {
            if (walk.Visit(xml) is { } tooMany)
            {
                return Reject(tooMany);
            }
        }

        return walk.SawBody
            ? new OpmlReadResult.Read(walk.Title, walk.Feeds)
            : Reject("it has no <body>, so it lists no feeds");
    }

    private static string NotOpml(string root) => root.ToLowerInvariant() switch
    {
        "rss" or "feed" or "rdf" => $"it is a feed (<{root}>), not an OPML subscription list; add it as a source instead",
        "html" => "it is an HTML page, not an OPML subscription list",
        _ => $"its root element is <{root}>, not <opml>",
    };

    private static bool DeclaresDtd(string text) =>
        text.AsSpan(0, Math.Min(text.Length, 4096)).Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);

    internal static bool Is(XmlReader xml, string name) => string.Equals(xml.LocalName, name, StringComparison.OrdinalIgnoreCase);

    private static OpmlReadResult.Rejected Reject(string reason) => new(reason);

    /// <summary>The state of one pass over the document: where we are, the open folders, what was found.</summary>
    private sealed class OutlineWalk
    {
        private const int SectionDepth = 1;

        // One entry per open (non-empty) outline: its folder name, or null for an outline that is no folder.
        private readonly List<string?> openOutlines = [];
        private readonly StringBuilder title = new();
        private string? section;
        private bool inTitle;
        private int outlines;

        public List<OpmlFeed> Feeds { get; } = [];

        public bool SawBody { get; private set; }

        public string? Title => OpmlText.Clean(title.ToString());

        /// <summary>Takes in the reader's current node; returns a reason to stop, if any.</summary>
        public string? Visit(XmlReader xml)
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element when xml.Depth == SectionDepth:
                    section = xml.LocalName.ToLowerInvariant();
                    SawBody |= section == "body";
                    break;
                case XmlNodeType.Element when section == "head" && xml.Depth == SectionDepth + 1:
                    inTitle = Is(xml, "title") && !xml.IsEmptyElement;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA when inTitle:
                    title.Append(xml.Value);
                    break;
                case XmlNodeType.EndElement when inTitle:
                    inTitle = false;
                    break;
                case XmlNodeType.Element when section == "body" && Is(xml, "outline"):
                    return ++outlines > OpmlLimits.MaxOutlines
                        ? $"it has more than {OpmlLimits.MaxOutlines} outlines; split it into smaller files"
                        : VisitOutline(xml);
                case XmlNodeType.EndElement when section == "body" && Is(xml, "outline") && openOutlines.Count > 0:
                    openOutlines.RemoveAt(openOutlines.Count - 1);
                    break;
            }

            return null;
        }

        private string? VisitOutline(XmlReader xml)
        {
            var isOpen = !xml.IsEmptyElement;
            var outline = OpmlOutline.From(xml);
            if (outline.IsFeed)
            {
                Feeds.Add(new OpmlFeed(outline.FeedUrl, outline.Title, outline.HtmlUrl, OpmlText.Tags(openOutlines, outline.Category)));
            }

            if (isOpen)
            {
                openOutlines.Add(outline.IsFeed ? null : outline.Title);
            }

            return null;
        }
    }
}
