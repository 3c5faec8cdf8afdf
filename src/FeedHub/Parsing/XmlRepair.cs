using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;

namespace FeedHub.Parsing;

/// <summary>
/// Repairs the lexical slips that make an XML parser give up on a whole feed: junk before the document,
/// control characters, HTML entities XML does not define, bare ampersands, a DOCTYPE. One linear pass;
/// CDATA sections and comments are copied untouched because the slips are legal there.
/// </summary>
internal static class XmlRepair
{
    private const int MaxEntityNameLength = 32;

    private static readonly SearchValues<byte> ControlBytes = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 0x0B, 0x0C, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F]);

    private static readonly SearchValues<char> Special = SearchValues.Create(
        "&<\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

    /// <summary>Characters XML forbids everywhere, CDATA and comments included.</summary>
    private static readonly SearchValues<char> Forbidden = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

    /// <summary>Whether UTF-8 bytes need <see cref="Repair"/> before an XML reader can take them as they are.</summary>
    public static bool IsNeededFor(ReadOnlySpan<byte> utf8)
    {
        if (IsNeededBeyondReferences(utf8))
        {
            return true;
        }

        var i = 0;
        while (true)
        {
            var amp = utf8[i..].IndexOf((byte)'&');
            if (amp < 0)
            {
                return false;
            }

            amp += i;
            var opening = utf8[i..amp].IndexOf("<!"u8);
            if (opening >= 0)
            {
                // A CDATA section or comment starts before this ampersand: skip past its end and look again.
                opening += i;
                var isCdata = utf8[opening..].StartsWith("<![CDATA["u8);
                var close = isCdata ? utf8[opening..].IndexOf("]]>"u8) : utf8[opening..].IndexOf("-->"u8);
                if (!isCdata && !utf8[opening..].StartsWith("<!--"u8))
                {
                    i = opening + 2;
                    continue;
                }

                if (close < 0)
                {
                    return false;
                }

                i = opening + close + 3;
                continue;
            }

            if (!IsXmlReference(utf8[(amp + 1)..]))
            {
                return true;
            }

            i = amp + 1;
        }
    }

    /// <summary>
    /// The checks of <see cref="IsNeededFor"/> that are single vectorized searches: junk before the document, control
    /// characters, a DOCTYPE, a second XML declaration. Only bare ampersands and HTML entities are left out; an XML
    /// reader stops at those by itself, which is how the fast path finds them.
    /// </summary>
    public static bool IsNeededBeyondReferences(ReadOnlySpan<byte> utf8) =>
        utf8.IsEmpty || utf8[0] != '<' || utf8.IndexOfAny(ControlBytes) >= 0
        || utf8.IndexOf("<!DOCTYPE"u8) >= 0 || utf8.IndexOf("<!doctype"u8) >= 0 || utf8[1..].IndexOf("<?xml "u8) >= 0;

    /// <summary>
    /// Whether the document has a character reference that an XML reader accepts but <see cref="Repair"/> rewrites:
    /// one to a C1 control (<c>&amp;#150;</c>, meant as windows-1252) or one with more digits than the repair reads.
    /// Looks only at <c>&amp;#</c>, so it may also flag one inside CDATA, which only costs the careful path.
    /// </summary>
    public static bool HasRewrittenCharacterReference(ReadOnlySpan<byte> utf8)
    {
        for (var at = utf8.IndexOf("&#"u8); at >= 0; at = utf8.IndexOf("&#"u8))
        {
            utf8 = utf8[(at + 2)..];
            var hex = !utf8.IsEmpty && utf8[0] is (byte)'x' or (byte)'X';
            var digits = hex ? utf8[1..] : utf8;
            var value = 0L;
            var length = 0;
            while (length < digits.Length && length < 8 && Digit(digits[length], hex) is var digit and >= 0)
            {
                value = (value * (hex ? 16 : 10)) + digit;
                length++;
            }

            if (length == 8 || value is >= 0x80 and <= 0x9F)
            {
                return true;
            }
        }

        return false;
    }

    private static int Digit(byte b, bool hex) =>
        b is >= (byte)'0' and <= (byte)'9' ? b - '0'
        : hex && b is >= (byte)'a' and <= (byte)'f' ? b - 'a' + 10
        : hex && b is >= (byte)'A' and <= (byte)'F' ? b - 'A' + 10
        : -1;

    /// <summary>Returns text an XML reader accepts, with every change listed in <paramref name="warnings"/>.</summary>
    /// <remarks>The XML declaration is dropped: the text is already decoded, and a stale encoding name in it would only mislead.</remarks>
    public static string Repair(string text, ParseWarnings warnings)
    {
        var output = new StringBuilder(text.Length + 64);
        var i = Start(text, warnings);
        while (i < text.Length)
        {
            var next = text.AsSpan(i).IndexOfAny(Special);
            if (next < 0)
            {
                output.Append(text, i, text.Length - i);
                break;
            }

            output.Append(text, i, next);
            i += next;
            var c = text[i];
            if (c == '&')
            {
                i = Ampersand(text, i, output, warnings);
            }
            else if (c == '<')
            {
                i = Markup(text, i, output, warnings);
            }
            else
            {
                warnings.Add("control characters removed");
                i++;
            }
        }

        return output.ToString();
    }

    /// <summary>Where the document really starts: past whitespace, a stray BOM, junk, and the XML declaration.</summary>
    private static int Start(string text, ParseWarnings warnings)
    {
        var i = 0;
        while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == '\uFEFF' || text[i] == '\0'))
        {
            i++;
        }

        var declaration = text.IndexOf("<?xml", i, Math.Min(1024, text.Length - i), StringComparison.Ordinal);
        if (declaration > i)
        {
            warnings.Add("junk before the XML declaration removed");
        }
        else if (declaration < 0)
        {
            var first = FirstTag(text, i);
            if (first > i)
            {
                warnings.Add("junk before the document removed");
            }

            return first;
        }
        else if (i > 0 && text.AsSpan(0, i).ContainsAnyExcept('\uFEFF'))
        {
            warnings.Add("whitespace before the XML declaration removed");
        }

        var end = text.IndexOf("?>", declaration, StringComparison.Ordinal);
        return end < 0 ? text.Length : end + 2;
    }

    private static int FirstTag(string text, int from)
    {
        for (var i = text.IndexOf('<', from); i >= 0 && i + 1 < text.Length; i = text.IndexOf('<', i + 1))
        {
            if (char.IsAsciiLetter(text[i + 1]) || text[i + 1] is '!' or '?')
            {
                return i;
            }
        }

        return from;
    }

    private static int Markup(string text, int i, StringBuilder output, ParseWarnings warnings)
    {
        var rest = text.AsSpan(i);
        if (rest.StartsWith("<![CDATA[", StringComparison.Ordinal))
        {
            return CopyThrough(text, i, "]]>", output, warnings);
        }

        if (rest.StartsWith("<!--", StringComparison.Ordinal))
        {
            return CopyThrough(text, i, "-->", output, warnings);
        }

        if (rest.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
        {
            warnings.Add("DOCTYPE ignored");
            return DoctypeEnd(text, i);
        }

        if (rest.StartsWith("<?xml ", StringComparison.Ordinal) || rest.StartsWith("<?xml?", StringComparison.Ordinal))
        {
            // A second declaration mid-document comes from concatenated responses; it is never valid there.
            warnings.Add("XML declaration inside the document removed");
            var end = text.IndexOf("?>", i, StringComparison.Ordinal);
            return end < 0 ? text.Length : end + 2;
        }

        output.Append('<');
        return i + 1;
    }

    /// <summary>Copies a CDATA section or comment, dropping only characters XML forbids everywhere.</summary>
    private static int CopyThrough(string text, int i, string terminator, StringBuilder output, ParseWarnings warnings)
    {
        var end = text.IndexOf(terminator, i, StringComparison.Ordinal);
        var stop = end < 0 ? text.Length : end + terminator.Length;
        var section = text.AsSpan(i, stop - i);
        if (section.IndexOfAny(Forbidden) < 0)
        {
            output.Append(section);
            return stop;
        }

        foreach (var c in section)
        {
            if (IsForbidden(c))
            {
                warnings.Add("control characters removed");
            }
            else
            {
                output.Append(c);
            }
        }

        return stop;
    }

    private static int DoctypeEnd(string text, int i)
    {
        var close = text.IndexOf('>', i);
        var subset = text.IndexOf('[', i);
        if (subset >= 0 && (close < 0 || subset < close))
        {
            var subsetEnd = text.IndexOf(']', subset);
            close = subsetEnd < 0 ? -1 : text.IndexOf('>', subsetEnd);
        }

        return close < 0 ? text.Length : close + 1;
    }

    private static int Ampersand(string text, int i, StringBuilder output, ParseWarnings warnings)
    {
        var rest = text.AsSpan(i + 1);
        if (rest.Length > 1 && rest[0] == '#')
        {
            return NumericReference(text, i, output, warnings);
        }

        var length = 0;
        while (length < rest.Length && length <= MaxEntityNameLength && char.IsAsciiLetterOrDigit(rest[length]))
        {
            length++;
        }

        if (length == 0 || length >= rest.Length || rest[length] != ';' || !char.IsAsciiLetter(rest[0]))
        {
            warnings.Add("bare & escaped");
            output.Append("&amp;");
            return i + 1;
        }

        var name = rest[..length].ToString();
        if (name is "amp" or "lt" or "gt" or "quot" or "apos")
        {
            output.Append(text, i, length + 2);
            return i + length + 2;
        }

        var decoded = WebUtility.HtmlDecode($"&{name};");
        if (decoded.Length > 0 && decoded[0] != '&')
        {
            warnings.Add($"HTML entity &{name}; is not defined in XML; replaced by its character");
            output.Append(decoded);
        }
        else
        {
            warnings.Add($"unknown entity &{name}; kept as text");
            output.Append("&amp;").Append(name).Append(';');
        }

        return i + length + 2;
    }

    private static int NumericReference(string text, int i, StringBuilder output, ParseWarnings warnings)
    {
        var rest = text.AsSpan(i + 2);
        var hex = rest.Length > 0 && rest[0] is 'x' or 'X';
        var digits = hex ? rest[1..] : rest;
        var length = 0;
        while (length < digits.Length && length < 8 && (hex ? char.IsAsciiHexDigit(digits[length]) : char.IsAsciiDigit(digits[length])))
        {
            length++;
        }

        if (length == 0 || length >= digits.Length || digits[length] != ';')
        {
            warnings.Add("bare & escaped");
            output.Append("&amp;");
            return i + 1;
        }

        var consumed = 2 + (hex ? 1 : 0) + length + 1;
        var value = int.Parse(digits[..length], hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture);
        if (value is >= 0x80 and <= 0x9F)
        {
            // Windows-1252 bytes written as code points (&#150; for an en dash): mean what the author saw.
            warnings.Add("character references in the C1 range read as windows-1252");
            output.Append(Encoding.GetEncoding(1252).GetString([(byte)value]));
        }
        else if (IsXmlChar(value))
        {
            output.Append(text, i, consumed);
        }
        else
        {
            warnings.Add("references to characters XML forbids removed");
        }

        return i + consumed;
    }

    /// <summary>Whether the bytes after an ampersand form a reference an XML reader accepts and FeedHub keeps as is.</summary>
    private static bool IsXmlReference(ReadOnlySpan<byte> rest)
    {
        if (rest.StartsWith("amp;"u8) || rest.StartsWith("lt;"u8) || rest.StartsWith("gt;"u8) || rest.StartsWith("quot;"u8) || rest.StartsWith("apos;"u8))
        {
            return true;
        }

        if (rest.Length < 3 || rest[0] != '#')
        {
            return false;
        }

        var hex = rest[1] is (byte)'x' or (byte)'X';
        var digits = hex ? rest[2..] : rest[1..];
        var value = 0L;
        var length = 0;
        while (length < digits.Length && length < 8)
        {
            var b = digits[length];
            int digit = b is >= (byte)'0' and <= (byte)'9' ? b - '0'
                : hex && b is >= (byte)'a' and <= (byte)'f' ? b - 'a' + 10
                : hex && b is >= (byte)'A' and <= (byte)'F' ? b - 'A' + 10
                : -1;
            if (digit < 0)
            {
                break;
            }

            value = (value * (hex ? 16 : 10)) + digit;
            length++;
        }

        return length > 0 && length < digits.Length && digits[length] == ';' && value is not (>= 0x80 and <= 0x9F) && IsXmlChar(value);
    }

    private static bool IsXmlChar(long value) =>
        value is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);

    private static bool IsForbidden(char c) => c is (< ' ' and not '\t' and not '\n' and not '\r') or '\uFFFE' or '\uFFFF';
}
