using FeedHub.Normalizing;

namespace FeedHub.Storage;

/// <summary>What of an item a search matches: enough to find a story, short enough to scan quickly.</summary>
internal static class ItemSearchText
{
    public const int MaxLength = 4000;

    public static string Of(StoredItem item)
    {
        var parts = new List<string>(4) { item.Title, PlainText.FromHtml(item.Summary) };
        parts.AddRange(item.Categories);
        parts.AddRange(item.Authors.Select(a => a.Name));
        return ColumnLimits.Shorten(FoldedText.Of(string.Join('\n', parts)), MaxLength);
    }
}
