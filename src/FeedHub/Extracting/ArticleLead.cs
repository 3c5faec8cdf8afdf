using AngleSharp.Dom;

namespace FeedHub.Extracting;

/// <summary>
/// The lead ("sapo") that Vietnamese news sites print in bold above the body, often outside the body's
/// container and in a heading element, where paragraph scoring alone would leave it behind.
/// </summary>
internal static class ArticleLead
{
    private const string Selector = ".sapo, [class*=sapo], .chappeau, [class*=chapeau], [class*=chappeau], .lead, .article-lead, .description, .summary, [class*=article__sapo]";

    private const int MinLength = 40;

    public static void Prepend(IElement body, List<IElement> roots)
    {
        var lead = body.QuerySelectorAll(Selector).FirstOrDefault(IsLead);
        if (lead is null || roots.Any(r => r.Contains(lead) || lead.Contains(r)))
        {
            return;
        }

        roots.Insert(0, lead);
    }

    private static bool IsLead(IElement element) =>
        ElementText.Of(element).Length >= MinLength && ElementText.LinkDensity(element) < 0.25;
}
