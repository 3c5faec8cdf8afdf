using AngleSharp.Dom;

namespace FeedHub.Extracting;

/// <summary>
/// Makes the article's images and links absolute. News sites lazy-load images: the real address is in
/// data-src (or a sibling attribute) and src holds a placeholder, so the real one is moved into src first.
/// </summary>
internal static class ArticleLinks
{
    private static readonly string[] LazySources = ["data-src", "data-original", "data-lazy-src", "data-lazy", "data-url"];

    public static void Resolve(IEnumerable<IElement> roots, Uri pageUrl)
    {
        foreach (var root in roots)
        {
            foreach (var image in Self(root, "img").Concat(root.QuerySelectorAll("img")))
            {
                ResolveImage(image, pageUrl);
            }

            foreach (var link in Self(root, "a").Concat(root.QuerySelectorAll("a[href]")))
            {
                Absolute(link, "href", link.GetAttribute("href"), pageUrl);
            }
        }
    }

    private static IEnumerable<IElement> Self(IElement root, string name) => root.LocalName == name ? [root] : [];

    private static void ResolveImage(IElement image, Uri pageUrl)
    {
        var lazy = LazySources.Select(image.GetAttribute).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        var src = image.GetAttribute("src");
        var chosen = lazy is not null && (string.IsNullOrWhiteSpace(src) || src.TrimStart().StartsWith("data:", StringComparison.OrdinalIgnoreCase)) ? lazy : src ?? lazy;
        Absolute(image, "src", chosen, pageUrl);

        // A srcset left relative, or pointing at placeholders, would undo the resolved src in a browser.
        image.RemoveAttribute("srcset");
    }

    private static void Absolute(IElement element, string attribute, string? value, Uri pageUrl)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (Uri.TryCreate(pageUrl, value.Trim(), out var absolute))
        {
            element.SetAttribute(attribute, absolute.AbsoluteUri);
        }
    }
}
