using System.Text;
using System.Xml;

namespace FeedHub.Parsing;

/// <summary>Tells what a document is from its content alone; Content-Type headers lie too often to trust.</summary>
internal static class FeedFormatDetector
{
    private const string Atom10Namespace = "http://www.w3.org/2005/Atom";
    private const string Atom03Namespace = "http://purl.org/atom/ns#";

    /// <summary>How much of the start of a document is searched for HTML markers when it is not XML.</summary>
    private const int SniffLength = 2048;

    public static FeedFormat Detect(byte[] body)
    {
        var start = FirstSignificantByte(body);
        if (start < 0)
        {
            return FeedFormat.Unknown;
        }

        if (body[start] == (byte)'{')
        {
            return FeedFormat.JsonFeed;
        }

        var head = Head(body, start);
        if (head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            return FeedFormat.Html;
        }

        try
        {
            using var reader = SafeXml.CreateReader(body);
            reader.MoveToContent();
            return FromRoot(reader);
        }
        catch (XmlException)
        {
            // Not well-formed from the first element on: HTML often starts with comments or whitespace before <html>.
            return head.Contains("<html", StringComparison.OrdinalIgnoreCase) ? FeedFormat.Html : FeedFormat.Unknown;
        }
    }

    /// <summary>Whether the document starts as an HTML page does, before any XML reader is asked.</summary>
    public static bool LooksLikeHtml(byte[] body)
    {
        var start = FirstSignificantByte(body);
        if (start < 0)
        {
            return false;
        }

        // Nearly every feed opens with "<?xml" or "<rss": that is decided without decoding the head.
        if (body[start] != (byte)'<' || (start + 1 < body.Length && body[start + 1] is not ((byte)'!' or (byte)'h' or (byte)'H' or 0)))
        {
            return false;
        }

        var head = Head(body, start);
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether the document is JSON: its first significant character opens an object or array.</summary>
    public static bool LooksLikeJson(byte[] body)
    {
        var start = FirstSignificantByte(body);
        return start >= 0 && body[start] is (byte)'{' or (byte)'[';
    }

    /// <summary>The format named by the root element the reader is on.</summary>
    public static FeedFormat FromRoot(XmlReader reader) => reader.LocalName switch
    {
        "rss" => FromRssVersion(reader.GetAttribute("version")),
        "feed" when reader.NamespaceURI == Atom10Namespace => FeedFormat.Atom10,
        "feed" when reader.NamespaceURI == Atom03Namespace => FeedFormat.Atom03,

        // An Atom feed that forgot its namespace: the version attribute tells which Atom it meant.
        "feed" when reader.NamespaceURI.Length == 0 => reader.GetAttribute("version") == "0.3" ? FeedFormat.Atom03 : FeedFormat.Atom10,
        "RDF" => FeedFormat.Rss10,
        "html" => FeedFormat.Html,
        _ => FeedFormat.Unknown,
    };

    private static FeedFormat FromRssVersion(string? version) => version?.Trim() switch
    {
        // A missing version is a publisher's slip; everything else such feeds contain is RSS 2.0.
        null or "" => FeedFormat.Rss20,
        var v when v.StartsWith("2.", StringComparison.Ordinal) || v == "2" => FeedFormat.Rss20,
        var v when v.StartsWith("0.9", StringComparison.Ordinal) => FeedFormat.Rss09x,
        var v when v.StartsWith("1.", StringComparison.Ordinal) || v.StartsWith("3.", StringComparison.Ordinal) => FeedFormat.Rss20,
        _ => FeedFormat.Unknown,
    };

    private static int FirstSignificantByte(byte[] body)
    {
        var i = 0;
        if (body.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            i = 3;
        }
        else if (body.Length >= 2 && ((body[0] == 0xFF && body[1] == 0xFE) || (body[0] == 0xFE && body[1] == 0xFF)))
        {
            // UTF-16: leave it to XmlReader, which understands the BOM; only skip it for the sniff below.
            i = 2;
        }

        while (i < body.Length && (body[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0))
        {
            i++;
        }

        return i < body.Length ? i : -1;
    }

    private static string Head(byte[] body, int start)
    {
        var length = Math.Min(SniffLength, body.Length - start);

        // The markers sought are ASCII; dropping NULs makes UTF-16 text searchable as well.
        return Encoding.Latin1.GetString(body, start, length).Replace("\0", string.Empty, StringComparison.Ordinal);
    }
}
