using System.Buffers;
using System.Text;

namespace FeedHub.Normalizing;

/// <summary>
/// Proves, in one pass and without building a DOM, that a piece of feed HTML is already inside the sanitizer's
/// allowlist: a few harmless tags, properly nested, with quoted harmless attributes and web or relative URLs.
/// Most feed summaries are exactly that, and for them the full sanitizer would only spend time. Anything the
/// scan does not recognise (a comment, a style, an unknown entity, a 1×1 image, a stray '&lt;') is not judged
/// here: the caller gives it to the full sanitizer.
/// </summary>
internal static class AllowlistedHtml
{
    private const int MaxNesting = 64;

    /// <summary>Builders that grew beyond this are let go rather than kept by the thread.</summary>
    private const int MaxKeptCapacity = 256 * 1024;

    private static readonly HashSet<string> Tags = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "blockquote", "br", "cite", "code", "dd", "del", "div", "dl", "dt", "em", "figcaption", "figure",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "li", "mark", "ol", "p", "pre", "q", "s", "small",
        "span", "strong", "sub", "sup", "u", "ul",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TagLookup = Tags.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> VoidTags = new(StringComparer.OrdinalIgnoreCase) { "br", "hr", "img" };

    private static readonly HashSet<string> Entities = new(StringComparer.Ordinal)
    {
        "amp", "lt", "gt", "quot", "apos", "nbsp", "hellip", "mdash", "ndash", "lsquo", "rsquo", "ldquo", "rdquo", "laquo",
        "raquo", "copy", "reg", "trade", "middot", "bull", "times", "deg", "euro",
    };

    private static readonly SearchValues<char> TextStops = SearchValues.Create("<&>");

    private static readonly SearchValues<char> UnsafeInUrl = SearchValues.Create(" \t\r\n\\`'");

    private static readonly SearchValues<char> PathStart = SearchValues.Create("/?#");

    /// <summary>The open-tag stack, one per thread and emptied per call: the scan itself allocates nothing.</summary>
    [ThreadStatic]
    private static Stack<string>? t_open;

    /// <summary>The builder for rewritten HTML, one per thread and reused, so a rewrite allocates only its result.</summary>
    [ThreadStatic]
    private static StringBuilder? t_builder;

    /// <summary>Checks <paramref name="html"/> and resolves its relative URLs against <paramref name="baseUrl"/>.</summary>
    /// <param name="safe">The HTML to show, the input itself when nothing needed resolving.</param>
    /// <param name="visible">Whether it has text or an image worth showing.</param>
    /// <returns>False when the full sanitizer must decide.</returns>
    public static bool TryPass(string html, Uri? baseUrl, out string safe, out bool visible)
    {
        safe = html;
        visible = false;
        var open = t_open ??= new Stack<string>();
        open.Clear();
        StringBuilder? rewritten = null;
        var copied = 0;
        var i = 0;
        while (i < html.Length)
        {
            var stop = html.AsSpan(i).IndexOfAny(TextStops);
            var end = stop < 0 ? html.Length : i + stop;
            visible = visible || !html.AsSpan(i, end - i).IsWhiteSpace();
            if (stop < 0)
            {
                break;
            }

            i = end;
            switch (html[i])
            {
                case '&':
                    if (!TryEntity(html, i, out var length, out var shows))
                    {
                        return false;
                    }

                    visible |= shows;
                    if (Decoded(html.AsSpan(i, length)) is { } character)
                    {
                        // As the full sanitizer does: characters as characters, only markup-significant ones escaped.
                        rewritten ??= Builder();
                        rewritten.Append(html, copied, i - copied).Append(character);
                        copied = i + length;
                    }

                    i += length;
                    break;
                case '>':
                    return false;
                default:
                    if (!TryTag(html, ref i, open, baseUrl, ref rewritten, ref copied, ref visible))
                    {
                        return false;
                    }

                    break;
            }
        }

        if (open.Count > 0)
        {
            return false;
        }

        if (rewritten is not null)
        {
            rewritten.Append(html, copied, html.Length - copied);
            safe = rewritten.ToString();
            Release(rewritten);
        }

        safe = safe.Trim();
        return true;
    }

    private static StringBuilder Builder()
    {
        var builder = t_builder ??= new StringBuilder(4096);
        builder.Clear();
        return builder;
    }

    private static void Release(StringBuilder builder)
    {
        builder.Clear();
        if (builder.Capacity > MaxKeptCapacity)
        {
            t_builder = null;
        }
    }

    private static bool TryEntity(string html, int i, out int length, out bool shows)
    {
        length = 0;
        shows = true;
        var semicolon = html.IndexOf(';', i + 1, Math.Min(12, html.Length - i - 1));
        if (semicolon < 0)
        {
            return false;
        }

        var name = html.AsSpan(i + 1, semicolon - i - 1);
        length = semicolon - i + 1;
        if (name.Length > 1 && name[0] == '#')
        {
            var hex = name.Length > 2 && name[1] is 'x' or 'X';
            var digits = hex ? name[2..] : name[1..];
            return !digits.IsEmpty && (hex ? IsHex(digits) : !digits.ContainsAnyExceptInRange('0', '9'));
        }

        shows = !name.SequenceEqual("nbsp");
        return Entities.Contains(name.ToString());
    }

    /// <returns>The character an entity stands for, or null to keep it as written (markup characters, nbsp, invalid code points).</returns>
    private static string? Decoded(ReadOnlySpan<char> entity)
    {
        if (entity is "&amp;" or "&lt;" or "&gt;" or "&nbsp;" or "&quot;")
        {
            return null;
        }

        var decoded = System.Net.WebUtility.HtmlDecode(entity.ToString());
        return decoded.Length is 0 or > 2 || decoded[0] is '<' or '>' or '&' or '"' or '\'' || char.IsControl(decoded[0]) || decoded.StartsWith('&') ? null : decoded;
    }

    private static bool IsHex(ReadOnlySpan<char> digits)
    {
        foreach (var c in digits)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryTag(string html, ref int i, Stack<string> open, Uri? baseUrl, ref StringBuilder? rewritten, ref int copied, ref bool visible)
    {
        var p = i + 1;
        var closing = p < html.Length && html[p] == '/';
        if (closing)
        {
            p++;
        }

        var nameStart = p;
        while (p < html.Length && char.IsAsciiLetterOrDigit(html[p]))
        {
            p++;
        }

        if (p == nameStart || !char.IsAsciiLetter(html[nameStart]))
        {
            return false;
        }

        // The set's own string comes back, so a tag costs no allocation.
        if (!TagLookup.TryGetValue(html.AsSpan(nameStart, p - nameStart), out var name))
        {
            return false;
        }

        if (closing)
        {
            while (p < html.Length && html[p] == ' ')
            {
                p++;
            }

            if (p >= html.Length || html[p] != '>' || open.Count == 0 || !string.Equals(open.Pop(), name, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            i = p + 1;
            return true;
        }

        bool pixelWidth = false, pixelHeight = false;
        var markAtStart = rewritten?.Length ?? -1;
        var copiedAtStart = copied;
        while (true)
        {
            var spaceStart = p;
            var spaced = p < html.Length && char.IsWhiteSpace(html[p]);
            while (p < html.Length && char.IsWhiteSpace(html[p]))
            {
                p++;
            }

            if (p >= html.Length)
            {
                return false;
            }

            if (html[p] == '>' || (html[p] == '/' && p + 1 < html.Length && html[p + 1] == '>'))
            {
                var selfClosing = html[p] == '/';
                var end = p + (selfClosing ? 2 : 1);
                if (VoidTags.Contains(name))
                {
                    // A 1×1 image is a tracking pixel: the tag goes, as the full sanitizer's rule would have it.
                    if (pixelWidth && pixelHeight)
                    {
                        rewritten ??= Builder();
                        rewritten.Length = Math.Max(markAtStart, 0);
                        rewritten.Append(html, copiedAtStart, i - copiedAtStart);
                        copied = end;
                        i = end;
                        return true;
                    }

                    visible |= name.Equals("img", StringComparison.OrdinalIgnoreCase);
                }
                else if (selfClosing || open.Count >= MaxNesting)
                {
                    return false;
                }
                else
                {
                    open.Push(name);
                }

                i = end;
                return true;
            }

            if (!spaced)
            {
                return false;
            }

            var attributeStart = p;
            while (p < html.Length && (char.IsAsciiLetter(html[p]) || html[p] == '-'))
            {
                p++;
            }

            // Upper-case attribute names are rare enough to leave to the full sanitizer.
            var attribute = html.AsSpan(attributeStart, p - attributeStart);
            if (p + 1 >= html.Length || html[p] != '=' || html[p + 1] != '"')
            {
                return false;
            }

            var valueStart = p + 2;
            var valueEnd = html.IndexOf('"', valueStart);
            if (valueEnd < 0)
            {
                return false;
            }

            var value = html.AsSpan(valueStart, valueEnd - valueStart);
            p = valueEnd + 1;
            if (value.Contains('<'))
            {
                return false;
            }

            if (Dropped(attribute))
            {
                // The full sanitizer removes these without a trace; so does this pass.
                rewritten ??= Builder();
                rewritten.Append(html, copied, spaceStart - copied);
                copied = p;
                continue;
            }

            if (!AttributeAllowed(name, attribute, value, baseUrl, out var resolved))
            {
                return false;
            }

            if (resolved is not null)
            {
                rewritten ??= Builder();
                rewritten.Append(html, copied, valueStart - copied).Append(resolved);
                copied = valueEnd;
            }

            pixelWidth = attribute is "width" ? value.Trim() is "0" or "1" : pixelWidth;
            pixelHeight = attribute is "height" ? value.Trim() is "0" or "1" : pixelHeight;
        }
    }

    /// <summary>Presentation and scripting hooks the full sanitizer strips (classes, ids, styles, lazy-loading hints, data-*).</summary>
    private static bool Dropped(ReadOnlySpan<char> attribute) =>
        attribute is "class" or "id" or "style" or "loading" or "srcset" or "sizes" or "decoding" || attribute.StartsWith("data-", StringComparison.Ordinal);

    /// <param name="resolved">The absolute URL to write instead of a relative one, else null.</param>
    private static bool AttributeAllowed(string tag, ReadOnlySpan<char> attribute, ReadOnlySpan<char> value, Uri? baseUrl, out string? resolved)
    {
        resolved = null;
        var isImage = tag.Equals("img", StringComparison.OrdinalIgnoreCase);
        var isLink = tag.Equals("a", StringComparison.OrdinalIgnoreCase);
        return attribute switch
        {
            "title" or "align" => PlainValue(value),
            "border" or "hspace" or "vspace" when isImage => PlainValue(value),
            "target" or "rel" when isLink => PlainValue(value),
            "alt" or "width" or "height" when isImage => PlainValue(value),
            "src" when isImage => SafeUrl(value, baseUrl, allowDataImage: true, out resolved),
            "href" when isLink => SafeUrl(value, baseUrl, allowDataImage: false, out resolved),
            _ => false,
        };
    }

    private static bool PlainValue(ReadOnlySpan<char> value)
    {
        for (var amp = value.IndexOf('&'); amp >= 0; amp = value.IndexOf('&'))
        {
            var rest = value[(amp + 1)..];
            if (!rest.StartsWith("amp;", StringComparison.Ordinal) && !rest.StartsWith("quot;", StringComparison.Ordinal))
            {
                return false;
            }

            value = rest;
        }

        return true;
    }

    private static bool SafeUrl(ReadOnlySpan<char> value, Uri? baseUrl, bool allowDataImage, out string? resolved)
    {
        resolved = null;
        if (value.IsEmpty || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) || value.ContainsAny(UnsafeInUrl) || !PlainValue(value))
        {
            return false;
        }

        if (value.StartsWith("https://", StringComparison.Ordinal) || value.StartsWith("http://", StringComparison.Ordinal))
        {
            return true;
        }

        if (!allowDataImage && value.StartsWith("mailto:", StringComparison.Ordinal))
        {
            return true;
        }

        if (allowDataImage && (value.StartsWith("data:image/png;", StringComparison.Ordinal) || value.StartsWith("data:image/jpeg;", StringComparison.Ordinal)
            || value.StartsWith("data:image/gif;", StringComparison.Ordinal) || value.StartsWith("data:image/webp;", StringComparison.Ordinal)))
        {
            return true;
        }

        // Anything with a scheme that is not one of the above (javascript:, data:, vbscript:…) is the sanitizer's to judge.
        var colon = value.IndexOf(':');
        var pathStart = value.IndexOfAny(PathStart);
        if (colon >= 0 && (pathStart < 0 || colon < pathStart))
        {
            return false;
        }

        if (baseUrl is not { IsAbsoluteUri: true } || value.Contains('&'))
        {
            return false;
        }

        if (!Uri.TryCreate(baseUrl, value.ToString(), out var absolute) || (absolute.Scheme != Uri.UriSchemeHttp && absolute.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        resolved = absolute.AbsoluteUri;
        return !resolved.Contains('"', StringComparison.Ordinal);
    }
}
