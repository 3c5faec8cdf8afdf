using System.Buffers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace FeedHub.Normalizing;

/// <summary>HTML to one line of readable text: tags dropped, entities decoded, whitespace collapsed, NFC.</summary>
internal static class PlainText
{
    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "blockquote",
        "figure", "figcaption", "section", "article", "header", "footer", "pre", "hr", "dd", "dt",
    };

    /// <summary>Every character <see cref="char.IsWhiteSpace(char)"/> accepts except the plain space, and the zero-width space.</summary>
    private static readonly SearchValues<char> OtherWhitespace = SearchValues.Create(
        "\t\n\u000B\f\r\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u200B\u2028\u2029\u202F\u205F\u3000");

    private static readonly HashSet<string> InvisibleElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "noscript", "head", "title",
    };

    public static string FromHtml(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        if (html.AsSpan().IndexOfAny('<', '&') < 0)
        {
            return Collapse(html);
        }

        // Entities without markup (the common "AT&amp;T" title) need no HTML parser.
        if (!html.Contains('<', StringComparison.Ordinal))
        {
            return Collapse(System.Net.WebUtility.HtmlDecode(html));
        }

        // A parser per call: AngleSharp documents are not meant to be shared between threads.
        var parser = new HtmlParser();
        using var document = parser.ParseDocument(string.Empty);
        var nodes = parser.ParseFragment(html, document.Body!);
        var text = new StringBuilder(html.Length);
        foreach (var node in nodes)
        {
            Append(node, text);
        }

        return Collapse(text.ToString());
    }

    /// <summary>The start of a text, cut at a word boundary, for when an item has no title.</summary>
    public static string Excerpt(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', maxLength);
        return string.Concat(text.AsSpan(0, cut > maxLength / 2 ? cut : maxLength).TrimEnd(), "…");
    }

    private static void Append(INode node, StringBuilder text)
    {
        switch (node)
        {
            case IText t:
                text.Append(t.Data);
                break;
            case IElement e when InvisibleElements.Contains(e.LocalName):
                break;
            case IElement e:
                var block = BlockElements.Contains(e.LocalName);
                if (block)
                {
                    text.Append(' ');
                }

                foreach (var child in e.ChildNodes)
                {
                    Append(child, text);
                }

                if (block)
                {
                    text.Append(' ');
                }

                break;
            default:
                foreach (var child in node.ChildNodes)
                {
                    Append(child, text);
                }

                break;
        }
    }

    /// <summary>Runs of whitespace (any Unicode space, and zero-width space) become one space, none at either end; then NFC.</summary>
    private static string Collapse(string text)
    {
        var span = text.AsSpan();
        if (span.IsEmpty || (span.IndexOfAny(OtherWhitespace) < 0 && span.IndexOf("  ", StringComparison.Ordinal) < 0 && span[0] != ' ' && span[^1] != ' '))
        {
            // Already one line with single spaces: nothing to build.
            return NfcText.Normalize(text);
        }

        var buffer = ArrayPool<char>.Shared.Rent(span.Length);
        try
        {
            var length = 0;
            var pendingSpace = false;
            foreach (var c in span)
            {
                if (char.IsWhiteSpace(c) || c == '\u200B')
                {
                    pendingSpace = length > 0;
                    continue;
                }

                if (pendingSpace)
                {
                    buffer[length++] = ' ';
                    pendingSpace = false;
                }

                buffer[length++] = c;
            }

            return NfcText.Normalize(new string(buffer, 0, length));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
