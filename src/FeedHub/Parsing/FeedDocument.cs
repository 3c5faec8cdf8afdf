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
    private readonly int _start;
    private readonly bool _unproven;
    private string? _text;

    private FeedDocument(byte[]? bytes, string? text, int start = 0, bool unproven = false)
    {
        _bytes = bytes;
        _text = text;
        _start = start;
        _unproven = unproven;
    }

    /// <summary>The document as text, decoded on first use when the fast path did not need it.</summary>
    public string Text => _text ??= Encoding.UTF8.GetString(_bytes!);

    /// <summary>
    /// Whether the document was taken on trust (<see cref="TryTrust"/>): reading it may still fail with
    /// <see cref="DecoderFallbackException"/> or <see cref="XmlException"/>, and then it must be prepared again
    /// with <see cref="Prepare"/> rather than salvaged.
    /// </summary>
    public bool IsUnproven => _unproven;

    /// <summary>
    /// The fast path for the common case, a document that says it is UTF-8 and has none of the faults found by a
    /// single search: no validation pass and no entity scan beforehand. The reader proves both as it goes.
    /// </summary>
    /// <returns>Null when the document needs <see cref="Prepare"/> from the start.</returns>
    public static FeedDocument? TryTrust(byte[] body, ParseContext context) =>
        DocumentEncoding.ClaimsUtf8(body, context.ContentType, out var preamble) && !XmlRepair.IsNeededBeyondReferences(body.AsSpan(preamble))
            && !XmlRepair.HasRewrittenCharacterReference(body.AsSpan(preamble))
            ? new FeedDocument(body, null, preamble, unproven: true)
            : null;

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
        _unproven ? XmlReader.Create(new Utf8DocumentReader(_bytes!, _start), Settings(ConformanceLevel.Document))
        : _bytes is not null ? XmlReader.Create(new MemoryStream(_bytes, writable: false), Settings(ConformanceLevel.Document))
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
