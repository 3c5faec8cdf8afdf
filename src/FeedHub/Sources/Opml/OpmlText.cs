using System.Text;

namespace FeedHub.Sources.Opml;

/// <summary>Text from OPML attributes as FeedHub stores it: trimmed, NFC, nothing rather than blank.</summary>
internal static class OpmlText
{
    public static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim().Normalize(NormalizationForm.FormC);

    /// <summary>
    /// The enclosing folders' names, outermost first, then the OPML 2.0 <c>category</c> attribute: a
    /// comma-separated list of slash-delimited paths ("/News/World,Tech"), each segment a tag. Tags that
    /// differ only in case are one tag, as the API's tag filter treats them.
    /// </summary>
    public static IReadOnlyList<string> Tags(IEnumerable<string?> folders, string? category)
    {
        var tags = new List<string>();
        foreach (var tag in folders.Concat(CategorySegments(category)).Select(Clean).OfType<string>())
        {
            if (!tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                tags.Add(tag);
            }
        }

        return tags;
    }

    private static IEnumerable<string> CategorySegments(string? category) =>
        string.IsNullOrWhiteSpace(category)
            ? []
            : category.Split(',').SelectMany(path => path.Split('/'));
}
