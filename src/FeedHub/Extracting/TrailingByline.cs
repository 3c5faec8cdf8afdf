using AngleSharp.Dom;

namespace FeedHub.Extracting;

/// <summary>
/// The byline many Vietnamese sites write as the body's last paragraph, right-aligned and bold ("Võ Hải"),
/// with no author metadata anywhere else on the page.
/// </summary>
internal static class TrailingByline
{
    private const int MaxLength = 50;

    public static string? Find(IReadOnlyList<IElement> roots)
    {
        if (roots.Count == 0)
        {
            return null;
        }

        var paragraphs = roots[^1].QuerySelectorAll("p");
        var last = roots[^1].LocalName == "p" ? roots[^1] : paragraphs.Length > 0 ? paragraphs[^1] : null;
        if (last is null || !RightAligned(last))
        {
            return null;
        }

        var text = ElementText.Of(last);
        return text.Length is > 0 and <= MaxLength ? text : null;
    }

    private static bool RightAligned(IElement paragraph) =>
        string.Equals(paragraph.GetAttribute("align"), "right", StringComparison.OrdinalIgnoreCase)
        || (paragraph.GetAttribute("style")?.Replace(" ", string.Empty, StringComparison.Ordinal).Contains("text-align:right", StringComparison.OrdinalIgnoreCase) ?? false);
}
