using System.Text;
using System.Xml;

namespace FeedHub.Parsing;

/// <summary>
/// A document ready for an XML reader: its bytes as they are when they are clean UTF-8 (the fast path, no
/// copy), otherwise text decoded in the right encoding and repaired.
/// </summary>
internal sealed class FeedDocument
{
    private readonly byte[]? _bytes;
    private string? _text;

    private FeedDocument(byte[]? bytes, string? text)
    {
        _bytes = bytes;
        _text = text;
    }

    /// <summary>The document as text, decoded on first use when the fast path did not need it.</summary>
    public string Text => _text ??= Encoding.UTF8.GetString(_bytes!);

    public static FeedDocument Prepare(byte[] body, ParseContext context, ParseWarnings warnings)
    {
        var choice = DocumentEncoding.Choose(body, context.ContentType, LanguageHint(body, context), warnings);
        if (DocumentEncoding.IsUtf8(choice.Encoding) && choice.Declared && !XmlRepair.IsNeededFor(body.AsSpan(choice.PreambleLength)))
        {
            return new FeedDocument(body, null);
        }

        var text = choice.Encoding.GetString(body, choice.PreambleLength, body.Length - choice.PreambleLength);
        return new FeedDocument(null, XmlRepair.Repair(text, warnings));
    }

    public XmlReader CreateReader() =>
        _bytes is not null
            ? XmlReader.Create(new MemoryStream(_bytes, writable: false), Settings(ConformanceLevel.Document))
            : XmlReader.Create(new StringReader(_text!), Settings(ConformanceLevel.Document));

    /// <summary>A reader for a piece cut out of the document, with the namespaces its root declared.</summary>
    public static XmlReader CreateFragmentReader(string fragment, XmlNamespaceManager namespaces) =>
        XmlReader.Create(
            new StringReader(fragment),
            Settings(ConformanceLevel.Fragment),
            new XmlParserContext(namespaces.NameTable, namespaces, null, XmlSpace.None));

    /// <summary>No DTDs, no external entities, no entity expansion: the only way FeedHub reads XML from the network.</summary>
    private static XmlReaderSettings Settings(ConformanceLevel conformance) =>
        new()
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            IgnoreProcessingInstructions = true,
            IgnoreComments = true,
            ConformanceLevel = conformance,
            CloseInput = true,
        };

    /// <summary>Whether a legacy-encoded document is probably Vietnamese, which decides windows-1258 over windows-1252.</summary>
    private static string? LanguageHint(byte[] body, ParseContext context)
    {
        if (context.TimeZone.Id is "Asia/Ho_Chi_Minh" or "Asia/Saigon")
        {
            return "vi";
        }

        var head = body.AsSpan(0, Math.Min(body.Length, 4096));
        return head.IndexOf("<language>vi"u8) >= 0 || head.IndexOf("lang=\"vi"u8) >= 0 || head.IndexOf("<dc:language>vi"u8) >= 0 ? "vi" : null;
    }
}
