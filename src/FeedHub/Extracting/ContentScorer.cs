using AngleSharp.Dom;

namespace FeedHub.Extracting;

/// <summary>
/// Finds the article body the way readability does: every paragraph scores for its length and commas, the
/// score flows to its parent and grandparent, names weigh in, and link-heavy blocks lose their score. The
/// best block wins, together with those of its siblings that score nearly as well or read as paragraphs.
/// </summary>
internal static class ContentScorer
{
    private const int MinParagraphLength = 25;

    private const string ParagraphSelector = "p, pre, td, blockquote, div, h2, h3";

    public static IReadOnlyList<IElement> FindMain(IElement body)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var paragraph in body.QuerySelectorAll(ParagraphSelector).Where(IsParagraph))
        {
            var text = ElementText.Of(paragraph);
            if (text.Length < MinParagraphLength)
            {
                continue;
            }

            var score = 1 + text.Count(c => c is ',' or '，') + Math.Min(text.Length / 100, 3);
            var level = 0;
            for (var ancestor = paragraph.ParentElement; ancestor is not null && level < 3; ancestor = ancestor.ParentElement, level++)
            {
                scores.TryAdd(ancestor, Initial(ancestor));
                scores[ancestor] += score / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
            }
        }

        if (scores.Count == 0)
        {
            return [body];
        }

        var ranked = scores.ToDictionary(pair => pair.Key, pair => pair.Value * (1 - ElementText.LinkDensity(pair.Key)));
        var top = ranked.MaxBy(pair => pair.Value).Key;
        return WithSiblings(top, ranked);
    }

    /// <summary>Paragraph-like blocks only: a div counts when it holds text rather than other blocks.</summary>
    private static bool IsParagraph(IElement element) => element.LocalName != "div" || HtmlBlocks.IsLeaf(element);

    private static double Initial(IElement element) => BoilerplateHints.Weight(element) + element.LocalName switch
    {
        "div" or "article" or "section" or "main" => 5,
        "pre" or "td" or "blockquote" => 3,
        "ul" or "ol" or "dl" or "dd" or "dt" or "li" or "form" => -3,
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
        _ => 0,
    };

    private static List<IElement> WithSiblings(IElement top, Dictionary<IElement, double> ranked)
    {
        if (top.ParentElement is not { } parent)
        {
            return [top];
        }

        var threshold = Math.Max(10, ranked[top] * 0.2);
        var kept = new List<IElement>();
        foreach (var sibling in parent.Children)
        {
            if (sibling == top || (ranked.TryGetValue(sibling, out var score) && score >= threshold) || ReadsAsParagraph(sibling))
            {
                kept.Add(sibling);
            }
        }

        return kept;
    }

    /// <summary>A sibling block of plain prose, such as a lead paragraph in an h2 or a div beside the body.</summary>
    private static bool ReadsAsParagraph(IElement element)
    {
        if (!HtmlBlocks.IsLeaf(element) && !(element.Children.Length == 1 && HtmlBlocks.IsLeaf(element.Children[0])))
        {
            return false;
        }

        var text = ElementText.Of(element);
        var density = ElementText.LinkDensity(element);
        return (text.Length > 80 && density < 0.25) || (text.Length > 0 && density == 0 && text.Contains(". ", StringComparison.Ordinal));
    }
}
