using FeedHub.Normalizing;

namespace FeedHub.Clustering;

/// <summary>Which of an item's text stands for its story, and whether a credited outlet names a given source.</summary>
internal static class StoryText
{
    /// <summary>The feed's lead when it has one: a full-content item's article would outweigh its title.</summary>
    public static StorySignature SignatureOf(string title, string? summary, string? content) =>
        StorySignature.Of(title, string.IsNullOrWhiteSpace(summary) ? content : summary);

    /// <summary>
    /// Whether the outlet a text credits ("Báo Chính phủ", "VnExpress") is this source: its name says so
    /// ("Báo Chính phủ – Thời sự") or its link's host does ("vnexpress.net").
    /// </summary>
    public static bool Names(string outlet, string sourceName, string? link)
    {
        var folded = Compact(outlet);
        if (folded.Length < 3)
        {
            return false;
        }

        return Compact(sourceName).Contains(folded, StringComparison.Ordinal)
            || (Uri.TryCreate(link, UriKind.Absolute, out var uri) && Compact(uri.Host).Contains(folded, StringComparison.Ordinal));
    }

    private static string Compact(string text) =>
        string.Concat(FoldedText.Of(text).Where(char.IsLetterOrDigit));
}
