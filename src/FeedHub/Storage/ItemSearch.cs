namespace FeedHub.Storage;

/// <summary>
/// Search phrases (<see cref="SearchPhrase"/>) turned into filters on items, served by the database's
/// full-text index where it has one: FTS5 on SQLite, a GIN index on to_tsvector('simple', …) on
/// PostgreSQL. SQL Server keeps a LIKE on the search text (its full-text feature is optional and
/// missing from the usual container images); the search text's shape makes all three match alike.
/// The filters are built asynchronously because SQLite's needs to ask the index how common a phrase is.
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
    public abstract Task<IQueryable<StoredItem>> WithAllAsync(IQueryable<StoredItem> items, IReadOnlyList<SearchPhrase> phrases, CancellationToken cancellationToken);

    /// <summary>Items whose search text has at least one of the phrases.</summary>
    public abstract Task<IQueryable<StoredItem>> WithAnyAsync(IQueryable<StoredItem> items, IReadOnlyList<SearchPhrase> phrases, CancellationToken cancellationToken);

    /// <summary>Items whose search text has none of the phrases; items without search text are kept.</summary>
    public abstract Task<IQueryable<StoredItem>> WithNoneAsync(IQueryable<StoredItem> items, IReadOnlyList<SearchPhrase> phrases, CancellationToken cancellationToken);
}
