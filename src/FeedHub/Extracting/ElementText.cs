using System.Text;
using AngleSharp.Dom;
using FeedHub.Normalizing;

namespace FeedHub.Extracting;

/// <summary>The visible text of a DOM subtree, on one line, whitespace collapsed, NFC.</summary>
internal static class ElementText
{
    public static string Of(INode node)
    {
        var text = new StringBuilder();
        Append(node, text);
        return Collapse(text.ToString());
    }

    /// <summary>The length of the text inside links, for link density.</summary>
    public static int LinkLength(IElement element)
    {
        var length = element.LocalName == "a" ? Of(element).Length : 0;
        foreach (var link in element.QuerySelectorAll("a"))
        {
            length += Of(link).Length;
        }

        return length;
    }

    /// <summary>The share of the text that sits inside links: near 1 for menus and related-article lists.</summary>
    public static double LinkDensity(IElement element)
    {
        var length = Of(element).Length;
        return length == 0 ? 0 : Math.Min(1, (double)LinkLength(element) / length);
    }

    public static string Collapse(string text)
    {
        var collapsed = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF')
            {
                pendingSpace = collapsed.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                collapsed.Append(' ');
                pendingSpace = false;
            }

            collapsed.Append(c);
        }

        return NfcText.Normalize(collapsed.ToString());
    }

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data);
                    break;
                case IElement { LocalName: "script" or "style" or "template" or "noscript" }:
                    break;
                case IElement { LocalName: "br" }:
                    text.Append(' ');
                    break;
                case IElement e when HtmlBlocks.IsBlock(e):
                    // Block boundaries must not glue words of neighbouring cells or items together.
                    text.Append(' ');
                    Append(e, text);
                    text.Append(' ');
                    break;
                case IElement e:
                    Append(e, text);
                    break;
            }
        }
    }
}
