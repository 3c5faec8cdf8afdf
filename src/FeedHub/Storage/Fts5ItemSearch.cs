using Microsoft.EntityFrameworkCore;

namespace FeedHub.Storage;

/// <summary>
/// SQLite: the FTS5 table ItemsSearch indexes Items.SearchText (external content, kept by triggers;
/// see the SearchIndexes migration). Each phrase becomes "w1 w2"*: the words adjacent, the last a prefix.
/// </summary>
internal sealed class Fts5ItemSearch(SqliteFeedHubDbContext db) : ItemSearch
{
    public override IQueryable<StoredItem> WithAll(IQueryable<StoredItem> items, IReadOnlyList<SearchPhrase> phrases)
    {
        if (phrases.Count == 0)
        {
            return items;
        }

        var ids = Matching(string.Join(" AND ", phrases.Select(Phrase)));
        return items.Where(i => ids.Contains(i.Id));
    }

    public override IQueryable<StoredItem> WithAny(IQueryable<StoredItem> items, IReadOnlyList<SearchPhrase> phrases)
    {
        if (phrases.Count == 0)
        {
            return items;
        }

        var ids = Matching(string.Join(" OR ", phrases.Select(Phrase)));
        return items.Where(i => ids.Contains(i.Id));
    }

    public override IQueryable<StoredItem> WithNone(IQueryable<StoredItem> items, IReadOnlyList<SearchPhrase> phrases)
    {
        if (phrases.Count == 0)
        {
            return items;
        }

        var ids = Matching(string.Join(" OR ", phrases.Select(Phrase)));
        return items.Where(i => !ids.Contains(i.Id));
    }

    /// <summary>
    /// Words hold only letters and digits, so quoting cannot be escaped from; doubling quotes anyway keeps
    /// that true should the tokenizing ever change.
    /// </summary>
    private static string Phrase(SearchPhrase phrase) => $"\"{phrase.Text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"*";

    // The match expression is a parameter: the text of the SQL never depends on what a reader typed.
    private IQueryable<Guid> Matching(string match) => db.Database.SqlQuery<Guid>(
        $"SELECT \"Id\" AS \"Value\" FROM \"Items\" WHERE rowid IN (SELECT rowid FROM \"ItemsSearch\" WHERE \"ItemsSearch\" MATCH {match})");
}
