using System.Text;
using System.Text.Unicode;
using System.Xml;

namespace FeedHub.Parsing;

/// <summary>
/// Turns a fetched document into a <see cref="ParsedFeed"/>, or says plainly why it cannot: sniffs the
/// format, repairs what can be repaired, reads with the format's own reader, and salvages items from a
/// document that breaks off.
/// </summary>
/// <remarks>Stateless and thread-safe: one instance serves every source.</remarks>
internal sealed class FeedParser(ParserLimits limits)
{
    public FeedParser()
        : this(ParserLimits.Default)
    {
    }

    public FeedParseResult Parse(byte[] body, ParseContext context)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(context);

        var format = FeedFormat.Unknown;
        try
        {
            if (body.Length > limits.MaxBytes)
            {
                return Reject(format, $"document is larger than the limit of {limits.MaxBytes} bytes");
            }

            if (body.AsSpan().Trim(" \t\r\n\0"u8).IsEmpty || body.AsSpan().Trim(" \t\r\n\0"u8).SequenceEqual("\uFEFF"u8))
            {
                return Reject(format, "empty document");
            }

            if (FeedFormatDetector.LooksLikeJson(body))
            {
                format = FeedFormat.JsonFeed;
                return ParseJson(body, context);
            }

            if (FeedFormatDetector.LooksLikeHtml(body))
            {
                return new FeedParseResult.Rejected(FeedFormat.Html, "not a feed", AdvertisedFeeds.Find(body, context.BaseUrl));
            }

            return ParseXml(body, context, ref format);
        }
#pragma warning disable CA1031 // Any byte sequence must come back as a result: a parser bug on one feed must not stop a poll cycle.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return Reject(format, $"could not be read: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    private FeedParseResult ParseXml(byte[] body, ParseContext context, ref FeedFormat format)
    {
        if (FeedDocument.TryTrust(body, context) is { } trusted)
        {
            try
            {
                return ParseXml(trusted, body, context, new ParseWarnings(), ref format);
            }
            catch (Exception e) when (e is XmlException or DecoderFallbackException)
            {
                // Not clean UTF-8 XML after all (bad bytes, an HTML entity, a bare ampersand, a break): start over
                // the careful way, which decodes, repairs and salvages exactly as if the fast path had not been tried.
                format = FeedFormat.Unknown;
            }
        }

        var warnings = new ParseWarnings();
        return ParseXml(FeedDocument.Prepare(body, context, warnings), body, context, warnings, ref format);
    }

    private FeedParseResult ParseXml(FeedDocument document, byte[] body, ParseContext context, ParseWarnings warnings, ref FeedFormat format)
    {
        using var reader = document.CreateReader();
        try
        {
            reader.MoveToContent();
        }
        catch (XmlException) when (document.IsUnproven)
        {
            throw;
        }
        catch (XmlException e)
        {
            return document.Text.Contains("<html", StringComparison.OrdinalIgnoreCase)
                ? new FeedParseResult.Rejected(FeedFormat.Html, "not a feed", AdvertisedFeeds.Find(body, context.BaseUrl))
                : Reject(format, $"malformed XML: {OneLine(e.Message)}");
        }

        format = FeedFormatDetector.FromRoot(reader);
        switch (format)
        {
            case FeedFormat.Html:
                return new FeedParseResult.Rejected(format, "not a feed", AdvertisedFeeds.Find(body, context.BaseUrl));
            case FeedFormat.Unknown:
                var root = reader.NamespaceURI.Length > 0 ? $"{{{reader.NamespaceURI}}}{reader.LocalName}" : reader.LocalName;
                return Reject(format, reader.LocalName == "rss"
                    ? $"unsupported RSS version \"{reader.GetAttribute("version")}\""
                    : $"not a feed: root element <{root}>");
        }

        if (format == FeedFormat.Rss20 && string.IsNullOrWhiteSpace(reader.GetAttribute("version")))
        {
            warnings.Add("rss element has no version; read as RSS 2.0");
        }

        var reading = new FeedReading(format, context, limits, warnings);
        try
        {
            Read(reader, reading);
        }
        catch (XmlException e) when (!document.IsUnproven)
        {
            ItemSalvage.Salvage(document.Text, reading, e);
        }

        return new FeedParseResult.Parsed(reading.ToParsedFeed());
    }

    private static void Read(XmlReader reader, FeedReading reading)
    {
        switch (reading.Format)
        {
            case FeedFormat.Rss20 or FeedFormat.Rss09x:
                RssReader.Read(reader, reading);
                break;
            case FeedFormat.Rss10:
                RdfReader.Read(reader, reading);
                break;
            default:
                AtomReader.Read(reader, reading);
                break;
        }
    }

    private FeedParseResult ParseJson(byte[] body, ParseContext context)
    {
        var warnings = new ParseWarnings();
        var utf8 = body;
        var preamble = body.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        if (preamble > 0 || !Utf8.IsValid(body))
        {
            var choice = DocumentEncoding.Choose(body, context.ContentType, null, warnings);
            utf8 = Encoding.UTF8.GetBytes(choice.Encoding.GetString(body, choice.PreambleLength, body.Length - choice.PreambleLength));
        }

        var reading = new FeedReading(FeedFormat.JsonFeed, context, limits, warnings);
        return JsonFeedReader.Read(utf8, reading) is { } notAFeed
            ? Reject(FeedFormat.JsonFeed, notAFeed)
            : new FeedParseResult.Parsed(reading.ToParsedFeed());
    }

    private static FeedParseResult.Rejected Reject(FeedFormat format, string reason) => new(format, reason, []);

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
