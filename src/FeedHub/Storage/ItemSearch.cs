namespace FeedHub.Storage;

/// <summary>
/// Search phrases (<see cref="SearchPhrase"/>) turned into filters on items, served by the database's
/// full-text index where it has one: FTS5 on SQLite, a GIN index on to_tsvector('simple', …) on
/// PostgreSQL. SQL Server keeps a LIKE on the search text (its full-text feature is optional and
/// missing from the usual container images); the search text's shape makes all three match alike.
/// </summary>
internal abstract class ItemSearch
{
    public static ItemSearch For(FeedHubDbContext db) => db switch
    {
        SqliteFeedHubDbContext sqlite => new Fts5ItemSearch(sqlite),
        PostgreSqlFeedHubDbContext => new PostgreSqlItemSearch(),
        _ => new LikeItemSearch(),
    };

    /// <summary>Items whose search text has every phrase.</summary>
    public abstract IQueryable<StoredItem> WithAll(IQueryable<StoredItem> items, IReadOnlyList<SearchPhrase> phrases);

    /// <summary>Items whose search text has at least one of the phrases.</summary>
    public abstract IQueryable<StoredItem> WithAny(IQueryable<StoredItem> items, IReadOnlyList<SearchPhrase> phrases);

    /// <summary>Items whose search text has none of the phrases; items without search text are kept.</summary>
    public abstract IQueryable<StoredItem> WithNone(IQueryable<StoredItem> items, IReadOnlyList<SearchPhrase> phrases);
}
