using Microsoft.EntityFrameworkCore;

namespace FeedHub.Storage;

/// <summary>
/// SQLite: the FTS5 table ItemsSearch indexes Items.SearchText (external content, kept by triggers;
/// see the SearchIndexes migration). Each phrase becomes "w1 w2"*: the words adjacent, the last a prefix.
/// </summary>
/// <remarks>
/// SQLite's planner cannot tell how many rows a MATCH returns, so it always reads them all, then sorts
/// them by time: fast for a rare word, slower than LIKE for a word in most items, where walking the
/// newest items fills a page after a few hundred. So the index is asked first how many items match;
/// past <see cref="CommonMatches"/> the same rule is applied as LikeItemSearch's filter instead.
/// </remarks>
internal sealed class Fts5ItemSearch(SqliteFeedHubDbContext db) : ItemSearch
{
    /// <summary>Beyond this many matching items, finding a page among the newest items is cheaper than reading every match.</summary>
    public const int CommonMatches = 2000;

    public override async Task<IQueryable<StoredItem>> WithAllAsync(IQueryable<StoredItem> items, IReadOnlyList<SearchPhrase> phrases, CancellationToken cancellationToken)
    {
        if (phrases.Count == 0)
        {
            return items;
        }

        var match = string.Join(" AND ", phrases.Select(Phrase));
        if (await IsCommonAsync(match, cancellationToken).ConfigureAwait(false))
        {
            return LikeItemSearch.WithAll(items, phrases);
        }

        var ids = Matching(match);
        return items.Where(i => ids.Contains(i.Id));
    }

    public override async Task<IQueryable<StoredItem>> WithAnyAsync(IQueryable<StoredItem> items, IReadOnlyList<SearchPhrase> phrases, CancellationToken cancellationToken)
    {
        if (phrases.Count == 0)
        {
            return items;
        }

        var match = string.Join(" OR ", phrases.Select(Phrase));
        if (await IsCommonAsync(match, cancellationToken).ConfigureAwait(false))
        {
            return LikeItemSearch.WithAny(items, phrases);
        }

        var ids = Matching(match);
        return items.Where(i => ids.Contains(i.Id));
    }

    public override async Task<IQueryable<StoredItem>> WithNoneAsync(IQueryable<StoredItem> items, IReadOnlyList<SearchPhrase> phrases, CancellationToken cancellationToken)
    {
        if (phrases.Count == 0)
        {
            return items;
        }

        var match = string.Join(" OR ", phrases.Select(Phrase));
        if (await IsCommonAsync(match, cancellationToken).ConfigureAwait(false))
        {
            return LikeItemSearch.WithNone(items, phrases);
        }

        var ids = Matching(match);
        return items.Where(i => !ids.Contains(i.Id));
    }

    /// <summary>
    /// Words hold only letters and digits, so quoting cannot be escaped from; doubling quotes anyway keeps
    /// that true should the tokenizing ever change.
    /// </summary>
    private static string Phrase(SearchPhrase phrase) => $"\"{phrase.Text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"*";

    // Counting stops at the threshold: the answer is only "more or fewer", and counting on is wasted work.
    private async Task<bool> IsCommonAsync(string match, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<int>(
            $"SELECT count(*) AS \"Value\" FROM (SELECT 1 FROM \"ItemsSearch\" WHERE \"ItemsSearch\" MATCH {match} LIMIT {CommonMatches + 1})")
            .SingleAsync(cancellationToken).ConfigureAwait(false) > CommonMatches;

    // The match expression is a parameter: the text of the SQL never depends on what a reader typed.
    private IQueryable<Guid> Matching(string match) => db.Database.SqlQuery<Guid>(
        $"SELECT \"Id\" AS \"Value\" FROM \"Items\" WHERE rowid IN (SELECT rowid FROM \"ItemsSearch\" WHERE \"ItemsSearch\" MATCH {match})");
}
