using AngleSharp.Dom;

namespace FeedHub.Extracting;

/// <summary>Which elements break the flow of text, and which of those hold a paragraph's worth of it.</summary>
internal static class HtmlBlocks
{
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
        "pre", "figure", "figcaption", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "header", "footer",
        "dl", "dt", "dd", "hr", "center", "aside", "nav", "form", "address", "details", "summary", "fieldset",
    };

    /// <summary>Blocks whose text is one paragraph of the article, unless they themselves hold blocks.</summary>
    private static readonly HashSet<string> Leaves = new(StringComparer.Ordinal)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "figcaption", "dt", "dd", "td", "th", "caption", "blockquote", "address", "summary",
    };

    public static bool IsBlock(IElement element) => Blocks.Contains(element.LocalName);

    public static bool IsLeaf(IElement element) =>
        (Leaves.Contains(element.LocalName) && !HasBlockChild(element)) || (element.LocalName == "div" && !HasBlockChild(element));

    public static bool IsHeading(IElement element) => element.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";

    private static bool HasBlockChild(IElement element)
    {
        foreach (var child in element.Children)
        {
            if (IsBlock(child) || HasBlockChild(child))
            {
                return true;
            }
        }

        return false;
    }
}
