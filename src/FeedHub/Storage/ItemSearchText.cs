using FeedHub.Normalizing;

namespace FeedHub.Storage;

/// <summary>
/// What of an item a search matches: enough to find a story, short enough to index cheaply. It is the
/// folded words separated by single spaces, no punctuation, so that the full-text tokenizers of SQLite
/// and PostgreSQL and SQL Server's " " + text LIKE "% word%" all see the same words.
/// </summary>
internal static class ItemSearchText
{
    public const int MaxLength = 4000;

    public static string Of(StoredItem item)
    {
        var parts = new List<string>(4) { item.Title, PlainText.FromHtml(item.Summary) };
        parts.AddRange(item.Categories);
        parts.AddRange(item.Authors.Select(a => a.Name));
        var text = string.Join(' ', FoldedText.Words(string.Join('\n', parts)));
        if (text.Length <= MaxLength)
        {
            return text;
        }

        // Cut at a space: a word cut in half would be found by searches for a word the item does not have.
        var cut = text.LastIndexOf(' ', MaxLength);
        return cut > 0 ? text[..cut] : text[..MaxLength];
    }
}
