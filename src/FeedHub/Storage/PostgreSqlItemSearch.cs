using Microsoft.EntityFrameworkCore;

namespace FeedHub.Storage;

/// <summary>
/// PostgreSQL: to_tsvector('simple', coalesce("SearchText", '')) @@ to_tsquery('simple', …), served
/// by the GIN expression index IX_Items_SearchText, whose expression (Npgsql's, with the coalesce) the
/// query repeats exactly; each phrase becomes w1 &lt;-&gt; w2:*. An item without search text has an
/// empty vector, which nothing matches and every exclusion keeps.
/// </summary>
internal sealed class PostgreSqlItemSearch : ItemSearch
{
    /// <summary>'simple' only lowercases: the text is folded already and stemming would change what matches.</summary>
    public const string Configuration = "simple";

    public override Task<IQueryable<StoredItem>> WithAllAsync(IQueryable<StoredItem> items, IReadOnlyList<SearchPhrase> phrases, CancellationToken cancellationToken) =>
        Task.FromResult(Where(items, phrases, " & ", matching: true));

    public override Task<IQueryable<StoredItem>> WithAnyAsync(IQueryable<StoredItem> items, IReadOnlyList<SearchPhrase> phrases, CancellationToken cancellationToken) =>
        Task.FromResult(Where(items, phrases, " | ", matching: true));

    public override Task<IQueryable<StoredItem>> WithNoneAsync(IQueryable<StoredItem> items, IReadOnlyList<SearchPhrase> phrases, CancellationToken cancellationToken) =>
        Task.FromResult(Where(items, phrases, " | ", matching: false));

    /// <summary>Items whose text matches (or, with <paramref name="matching"/> false, does not match) the phrases joined by the tsquery operator.</summary>
    private static IQueryable<StoredItem> Where(IQueryable<StoredItem> items, IReadOnlyList<SearchPhrase> phrases, string joiner, bool matching)
    {
        if (phrases.Count == 0)
        {
            return items;
        }

        var query = string.Join(joiner, phrases.Select(Phrase));
        return items.Where(i => EF.Functions.ToTsVector(Configuration, i.SearchText ?? "").Matches(EF.Functions.ToTsQuery(Configuration, query)) == matching);
    }

    // Words are letters and digits only, so none of tsquery's operators or quotes can appear in them.
    private static string Phrase(SearchPhrase phrase) => string.Join(" <-> ", phrase.Words) + ":*";
}
