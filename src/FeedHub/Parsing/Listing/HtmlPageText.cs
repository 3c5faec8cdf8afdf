using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using FeedHub.Normalizing;

namespace FeedHub.Parsing.Listing;

/// <summary>
/// An HTML page's bytes as NFC text: byte order mark, else the HTTP charset, else a &lt;meta&gt; charset, weighed
/// against what the bytes are, as <see cref="DocumentEncoding"/> does for feeds. Vietnamese pages that are not
/// UTF-8 are windows-1258, whose tone marks decode as combining characters, so NFC is not optional here.
/// </summary>
internal static partial class HtmlPageText
{
    /// <summary>Browsers look for a meta charset in the first 1024 bytes; pages with long heads push it further.</summary>
    private const int MetaSearchLength = 4096;

    public static string Decode(byte[] body, string? contentType, TimeZoneInfo zone, ParseWarnings warnings)
    {
        var (encoding, preamble) = Choose(body, contentType, zone, warnings);
        return NfcText.Normalize(encoding.GetString(body, preamble, body.Length - preamble));
    }

    private static (Encoding Encoding, int Preamble) Choose(byte[] body, string? contentType, TimeZoneInfo zone, ParseWarnings warnings)
    {
        var span = body.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Encoding.UTF8, 3);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode, 2);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode, 2);
        }

        // DocumentEncoding registers the code pages (windows-1258 and the rest) before it resolves any name.
        var httpName = DocumentEncoding.CharsetParameter(contentType);
        var metaName = MetaCharset(span);
        var declared = DocumentEncoding.Resolve(httpName, "HTTP charset", warnings) ?? DocumentEncoding.Resolve(metaName, "meta charset", warnings);
        var validUtf8 = Utf8.IsValid(span);
        if (declared is null)
        {
            return validUtf8 ? (Encoding.UTF8, 0) : (Guess(span, zone, "no charset declared and the bytes are not UTF-8", warnings), 0);
        }

        if (DocumentEncoding.IsUtf8(declared) && !validUtf8)
        {
            return (Guess(span, zone, "declared UTF-8 but the bytes are not valid UTF-8", warnings), 0);
        }

        // Valid UTF-8 with non-ASCII bytes is almost never an accident; a legacy charset label on it is a stale default.
        if (!DocumentEncoding.IsUtf8(declared) && validUtf8 && !Ascii.IsValid(span))
        {
            warnings.Add($"charset \"{httpName ?? metaName}\" declared but the bytes are valid UTF-8; read as utf-8");
            return (Encoding.UTF8, 0);
        }

        return (declared, 0);
    }

    /// <summary>Vietnamese pages not in UTF-8 are windows-1258; anything else legacy is most likely windows-1252.</summary>
    private static Encoding Guess(ReadOnlySpan<byte> body, TimeZoneInfo zone, string why, ParseWarnings warnings)
    {
        var head = body[..Math.Min(body.Length, MetaSearchLength)];
        var vietnamese = zone.Id is "Asia/Ho_Chi_Minh" or "Asia/Saigon" || head.IndexOf("lang=\"vi"u8) >= 0 || head.IndexOf("lang=vi"u8) >= 0;
        var encoding = Encoding.GetEncoding(vietnamese ? 1258 : 1252);
        warnings.Add($"{why}; read as {encoding.WebName}");
        return encoding;
    }

    private static string? MetaCharset(ReadOnlySpan<byte> body)
    {
        // Charset names are ASCII, so Latin-1 shows them whatever the page's real encoding.
        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, MetaSearchLength)]);
        var m = MetaCharsetPattern().Match(head);
        return m.Success ? m.Groups["name"].Value : null;
    }

    // <meta charset="utf-8"> and <meta http-equiv="Content-Type" content="text/html; charset=windows-1258">.
    [GeneratedRegex(@"<meta\b[^>]*?charset\s*=\s*[""']?\s*(?<name>[A-Za-z0-9._:\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharsetPattern();
}
