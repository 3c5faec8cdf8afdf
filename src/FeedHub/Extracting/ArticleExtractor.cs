using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using FeedHub.Normalizing;

namespace FeedHub.Extracting;

/// <summary>
/// Extracts the article from a news page: its metadata, its paragraphs as plain text, and its body as
/// sanitized HTML, without menus, sidebars, share bars, comments or boxes of other articles. Per-site
/// <see cref="ExtractionRules"/> override the search for the body when a site needs it.
/// </summary>
internal sealed class ArticleExtractor(ContentSanitizer sanitizer)
{
    /// <summary>Decodes a fetched page (see <see cref="HtmlPageDecoder"/>) and extracts its article.</summary>
    public ExtractedArticle Extract(ReadOnlySpan<byte> body, string? contentType, Uri pageUrl, ExtractionRules? rules, TimeZoneInfo zone) =>
        Extract(HtmlPageDecoder.Decode(body, contentType).Html, pageUrl, rules, zone);

    /// <param name="zone">The source's zone, for dates the page prints without one.</param>
    public ExtractedArticle Extract(string html, Uri pageUrl, ExtractionRules? rules, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(pageUrl);
        ArgumentNullException.ThrowIfNull(zone);
        rules ??= ExtractionRules.None;

        // A parser per call: AngleSharp documents are not meant to be shared between threads.
        using var document = new HtmlParser().ParseDocument(NfcText.Normalize(html));
        var metadata = ArticleMetadata.Read(document, zone);
        var roots = FindContent(document, rules);
        RemoveTitle(roots, metadata.Title);
        ArticleLinks.Resolve(roots, pageUrl);

        var author = metadata.Author ?? TrailingByline.Find(roots);
        var paragraphs = ArticleParagraphs.Collect(roots);
        var content = sanitizer.Sanitize(string.Concat(roots.Select(r => r.OuterHtml)), pageUrl) ?? string.Empty;
        return new ExtractedArticle(metadata.Title, author, metadata.Published, string.Join("\n\n", paragraphs), content, metadata.Language, paragraphs);
    }

    private static List<IElement> FindContent(IDocument document, ExtractionRules rules)
    {
        foreach (var selector in rules.Remove)
        {
            foreach (var element in document.QuerySelectorAll(selector).ToList())
            {
                element.Remove();
            }
        }

        if (rules.Keep.Count > 0)
        {
            var kept = Union(document, rules.Keep);
            foreach (var root in kept)
            {
                BoilerplateFilter.StripInBody(root);
            }

            return kept;
        }

        if (document.Body is not { } body)
        {
            return [];
        }

        BoilerplateFilter.StripPage(document);
        List<IElement> main = [.. ContentScorer.FindMain(body)];
        ArticleLead.Prepend(body, main);
        return main;
    }

    /// <summary>The nodes matching any selector, in document order, without nodes nested in another match.</summary>
    private static List<IElement> Union(IDocument document, IReadOnlyList<string> selectors)
    {
        var matches = new HashSet<IElement>(selectors.SelectMany(s => document.QuerySelectorAll(s)));
        return [.. document.QuerySelectorAll("*").Where(e => matches.Contains(e) && !e.Ancestors<IElement>().Any(matches.Contains))];
    }

    /// <summary>The page title is reported on its own; a copy of it at the top of the body would repeat it.</summary>
    private static void RemoveTitle(List<IElement> roots, string title)
    {
        var folded = FoldedText.Of(title);
        foreach (var heading in roots.SelectMany(r => r.QuerySelectorAll("h1")).ToList())
        {
            if (FoldedText.Of(ElementText.Of(heading)) == folded)
            {
                heading.Remove();
            }
        }

        roots.RemoveAll(r => r.LocalName == "h1" && FoldedText.Of(ElementText.Of(r)) == folded);
    }
}
