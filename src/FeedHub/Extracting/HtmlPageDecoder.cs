using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using FeedHub.Normalizing;
using FeedHub.Parsing;

namespace FeedHub.Extracting;

/// <summary>
/// Turns a fetched page into text the way a browser would, in the order the HTML standard gives: byte order
/// mark, the HTTP charset, a &lt;meta&gt; charset near the start, then a guess. The text is always NFC, because
/// windows-1258 writes Vietnamese tones as combining marks and some sites publish NFD even in UTF-8.
/// </summary>
internal static partial class HtmlPageDecoder
{
    /// <summary>Browsers look for the meta charset in the first 1024 bytes; CMS templates often push it a little further.</summary>
    private const int MetaScanLength = 4096;

    public static DecodedPage Decode(ReadOnlySpan<byte> body, string? contentType)
    {
        var (encoding, skip, source) = Choose(body, contentType);
        var text = encoding.GetString(body[skip..]);
        return new DecodedPage(NfcText.Normalize(text), encoding, source);
    }

    private static (Encoding Encoding, int Skip, string Source) Choose(ReadOnlySpan<byte> body, string? contentType)
    {
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Encoding.UTF8, 3, "bom");
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode, 2, "bom");
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode, 2, "bom");
        }

        var validUtf8 = Utf8.IsValid(body);
        if (Usable(Resolve(DocumentEncoding.CharsetParameter(contentType)), validUtf8) is { } http)
        {
            return (http, 0, "http");
        }

        if (Usable(Resolve(MetaCharset(body)), validUtf8) is { } meta)
        {
            return (meta, 0, "meta");
        }

        return validUtf8 ? (Encoding.UTF8, 0, "utf-8") : (Guess(body), 0, "guess");
    }

    /// <summary>A UTF-8 label on bytes that are not UTF-8 is a template default nobody checked; the next clue decides.</summary>
    private static Encoding? Usable(Encoding? declared, bool validUtf8) =>
        declared is not null && DocumentEncoding.IsUtf8(declared) && !validUtf8 ? null : declared;

    private static Encoding? Resolve(string? label) =>
        label is null ? null : DocumentEncoding.Resolve(label, "charset", new ParseWarnings());

    /// <summary>Both &lt;meta charset=…&gt; and the http-equiv Content-Type form carry "charset=" inside a meta tag.</summary>
    internal static string? MetaCharset(ReadOnlySpan<byte> body)
    {
        // Latin-1 maps bytes to chars one to one, so ASCII markup reads the same whatever the real encoding is.
        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, MetaScanLength)]);
        var match = MetaCharsetPattern().Match(head);
        return match.Success ? match.Groups["charset"].Value : null;
    }

    /// <summary>
    /// Undeclared legacy bytes: windows-1258 when the page says it is Vietnamese or its bytes carry 1258's tone
    /// marks after vowels (in windows-1252 those bytes are letters such as Ì and ò that rarely follow a vowel).
    /// </summary>
    private static Encoding Guess(ReadOnlySpan<byte> body)
    {
        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, MetaScanLength)]);
        return VietnameseLang().IsMatch(head) || ToneMarksAfterVowels(body) >= 3 ? Encoding.GetEncoding(1258) : Encoding.GetEncoding(1252);
    }

    private static int ToneMarksAfterVowels(ReadOnlySpan<byte> body)
    {
        var count = 0;
        for (var i = 1; i < body.Length; i++)
        {
            if (body[i] is 0xCC or 0xEC or 0xDE or 0xD2 or 0xF2 && IsVowel(body[i - 1]))
            {
                count++;
            }
        }

        return count;
    }

    private static bool IsVowel(byte b) =>
        "aeiouyAEIOUY"u8.Contains(b) || b is 0xE2 or 0xEA or 0xF4 or 0xE3 or 0xF5 or 0xFD or 0xC2 or 0xCA or 0xD4 or 0xC3 or 0xD5 or 0xDD;

    [GeneratedRegex(@"<meta\b[^>]*?charset\s*=\s*[""']?\s*(?<charset>[A-Za-z0-9_.:\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharsetPattern();

    [GeneratedRegex(@"<html\b[^>]*\blang\s*=\s*[""']?vi\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VietnameseLang();
}
