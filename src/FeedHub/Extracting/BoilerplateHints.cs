using AngleSharp.Dom;

namespace FeedHub.Extracting;

/// <summary>
/// What class and id names say about a block. Vietnamese templates name their boxes in unaccented Vietnamese
/// (box-tinlienquan, tin-lien-quan, doc-nhieu) as often as in English, so both vocabularies are here.
/// </summary>
internal static class BoilerplateHints
{
    /// <summary>Never article text wherever they sit, even inside the article body.</summary>
    private static readonly string[] Junk =
    [
        "related", "relate", "lienquan", "lien-quan", "tinkhac", "tin-khac", "tinmoi", "tin-moi", "chuyenmuc", "chuyen-muc",
        "same-cat", "samecat", "most-read", "mostread", "most-view", "mostview", "docnhieu", "doc-nhieu", "xemnhieu", "xem-nhieu",
        "xemthem", "xem-them", "readmore", "read-more", "breadcrumb", "share", "social", "comment", "binhluan", "binh-luan",
        "newsletter", "subscribe", "cookie", "popup", "modal", "banner", "advert", "quangcao", "quang-cao", "sponsor",
        "footer", "navbar", "navigation", "pagination", "toolbar", "keyword", "tag-list", "taglist", "list-tag", "box-tag",
    ];

    /// <summary>Short names that only count as a whole part of a name ("ad-slot", not "heading" or "download").</summary>
    private static readonly HashSet<string> JunkParts = new(StringComparer.Ordinal) { "ad", "ads", "nav", "menu", "tag", "tags", "print", "rss" };

    /// <summary>Layout names that usually mean chrome, but that wrappers of the whole page sometimes carry too.</summary>
    private static readonly string[] Layout = ["sidebar", "side-bar", "widget", "header", "col-right", "right-col", "box-right", "masthead", "topbar"];

    private static readonly string[] Content =
        ["article", "content", "body", "detail", "post", "entry", "story", "main", "fck", "singular", "chitiet", "chi-tiet", "noidung", "noi-dung"];

    public static bool IsJunk(IElement element) => Matches(Names(element), Junk, JunkParts);

    public static bool IsLayout(IElement element) => Matches(Names(element), Layout, null);

    /// <summary>Scoring weight from the names alone, as readability weighs classes: chrome down, article up.</summary>
    public static int Weight(IElement element)
    {
        var names = Names(element);
        var weight = 0;
        if (Matches(names, Junk, JunkParts) || Matches(names, Layout, null))
        {
            weight -= 25;
        }

        if (Matches(names, Content, null))
        {
            weight += 25;
        }

        return weight;
    }

    private static string[] Names(IElement element)
    {
        var cls = element.GetAttribute("class");
        var id = element.GetAttribute("id");
        if (cls is null && id is null)
        {
            return [];
        }

        return $"{cls} {id}".ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static bool Matches(string[] names, string[] words, HashSet<string>? parts)
    {
        foreach (var name in names)
        {
            foreach (var word in words)
            {
                if (name.Contains(word, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            if (parts is not null && name.Split('-', '_').Any(parts.Contains))
            {
                return true;
            }
        }

        return false;
    }
}
