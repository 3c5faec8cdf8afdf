using AngleSharp.Dom;

namespace FeedHub.Extracting;

/// <summary>
/// Removes what is never the article: page chrome (menus, header, footer, sidebars, share bars, comments) and
/// the boxes of other articles that news sites put around and inside the body, "Tin liên quan" above all.
/// </summary>
internal static class BoilerplateFilter
{
    private const string Invisible = "script, style, noscript, template, link, meta, svg, form, button, input, select, textarea, dialog, [hidden], [aria-hidden=true]";

    private const string Chrome = "nav, aside, footer, menu, [role=navigation], [role=contentinfo], [role=complementary], [role=banner], [role=search]";

    /// <summary>A block that holds this much plain paragraph text is content, whatever its layout class says.</summary>
    private const int ContentTextLength = 400;

    /// <summary>Removes chrome from the whole page, before the main content is looked for.</summary>
    public static void StripPage(IDocument document)
    {
        if (document.Body is not { } body)
        {
            return;
        }

        RemoveAll(body, Invisible);
        RemoveAll(body, Chrome);

        // A header inside the article holds its title and byline; the page's own header holds the menus.
        foreach (var header in body.QuerySelectorAll("header").Where(h => h.Closest("article") is null).ToList())
        {
            header.Remove();
        }

        foreach (var element in body.QuerySelectorAll("*").ToList())
        {
            if (element.Parent is not null && element.LocalName is not "main" && IsChrome(element))
            {
                element.Remove();
            }
        }

        StripInBody(body);
    }

    /// <summary>Removes what can sit inside an article body: related-article boxes and lone links to other articles.</summary>
    public static void StripInBody(IElement root)
    {
        RemoveAll(root, Invisible);
        foreach (var element in root.QuerySelectorAll("*").ToList())
        {
            if (element.Parent is not null && BoilerplateHints.IsJunk(element))
            {
                element.Remove();
            }
        }

        RemoveLabelledBoxes(root);
        RemoveLinkParagraphs(root);
    }

    private static bool IsChrome(IElement element) =>
        BoilerplateHints.IsJunk(element) || (BoilerplateHints.IsLayout(element) && !HoldsContent(element));

    private static bool HoldsContent(IElement element) =>
        element.QuerySelectorAll("p").Where(p => ElementText.LinkDensity(p) < 0.3).Sum(p => ElementText.Of(p).Length) >= ContentTextLength;

    /// <summary>A label such as "Tin liên quan" and the links it introduces go together, as one box or as following siblings.</summary>
    private static void RemoveLabelledBoxes(IElement root)
    {
        foreach (var label in root.QuerySelectorAll("h1, h2, h3, h4, h5, h6, p, div, span, strong, b, header, li, dt").ToList())
        {
            if (label.Parent is null || !root.Contains(label) || !RelatedLabels.IsLabel(ElementText.Of(label)))
            {
                continue;
            }

            var box = BoxOf(label, root);
            if (box != label)
            {
                box.Remove();
                continue;
            }

            RemoveFollowingLinks(label);
            label.Remove();
        }
    }

    /// <summary>The largest ancestor below <paramref name="root"/> that is only the label and links.</summary>
    private static IElement BoxOf(IElement label, IElement root)
    {
        var box = label;
        var labelLength = ElementText.Of(label).Length;
        for (var parent = label.ParentElement; parent is not null && parent != root; parent = parent.ParentElement)
        {
            var length = ElementText.Of(parent).Length;
            var links = ElementText.LinkLength(parent);
            if (length - labelLength > 0 && links < 0.6 * (length - labelLength))
            {
                break;
            }

            box = parent;
        }

        return box;
    }

    private static void RemoveFollowingLinks(IElement label)
    {
        while (label.NextElementSibling is { } next && (ElementText.Of(next).Length == 0 || ElementText.LinkDensity(next) >= 0.6))
        {
            next.Remove();
        }
    }

    /// <summary>Paragraphs and list items that are only a link, or a label and a link, point at other articles.</summary>
    private static void RemoveLinkParagraphs(IElement root)
    {
        foreach (var element in root.QuerySelectorAll("p, li, div").Where(HtmlBlocks.IsLeaf).ToList())
        {
            var text = ElementText.Of(element);
            if (text.Length == 0 || element.QuerySelector("a[href]") is null)
            {
                continue;
            }

            var density = ElementText.LinkDensity(element);
            if (density >= 0.8 || (density >= 0.4 && RelatedLabels.StartsWithLabel(text)))
            {
                element.Remove();
            }
        }

        foreach (var list in root.QuerySelectorAll("ul, ol").ToList())
        {
            if (list.Children.Length == 0 && ElementText.Of(list).Length == 0)
            {
                list.Remove();
            }
        }
    }

    private static void RemoveAll(IElement root, string selector)
    {
        foreach (var element in root.QuerySelectorAll(selector).ToList())
        {
            element.Remove();
        }
    }
}
