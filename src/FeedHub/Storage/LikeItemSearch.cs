using System.Linq.Expressions;

namespace FeedHub.Storage;

/// <summary>
/// Any other database (SQL Server): " " + SearchText contains " " + the phrase. The search text is
/// words between single spaces, so that is exactly "the words adjacent, the first at a word start, the
/// last a prefix", the rule the full-text indexes apply. Nothing indexes it: every search reads the table.
/// </summary>
internal sealed class LikeItemSearch : ItemSearch
{
    public override Task<IQueryable<StoredItem>> WithAllAsync(IQueryable<StoredItem> items, IReadOnlyList<SearchPhrase> phrases, CancellationToken cancellationToken) =>
        Task.FromResult(WithAll(items, phrases));

    public static IQueryable<StoredItem> WithAll(IQueryable<StoredItem> items, IReadOnlyList<SearchPhrase> phrases)
    {
        foreach (var phrase in phrases)
        {
            var pattern = " " + phrase.Text;
            items = items.Where(i => i.SearchText != null && (" " + i.SearchText).Contains(pattern));
        }

        return items;
    }

    public override Task<IQueryable<StoredItem>> WithAnyAsync(IQueryable<StoredItem> items, IReadOnlyList<SearchPhrase> phrases, CancellationToken cancellationToken) =>
        Task.FromResult(WithAny(items, phrases));

    public static IQueryable<StoredItem> WithAny(IQueryable<StoredItem> items, IReadOnlyList<SearchPhrase> phrases) =>
        phrases.Count == 0 ? items : items.Where(AnyPhrase(phrases));

    public override Task<IQueryable<StoredItem>> WithNoneAsync(IQueryable<StoredItem> items, IReadOnlyList<SearchPhrase> phrases, CancellationToken cancellationToken) =>
        Task.FromResult(WithNone(items, phrases));

    public static IQueryable<StoredItem> WithNone(IQueryable<StoredItem> items, IReadOnlyList<SearchPhrase> phrases)
    {
        foreach (var phrase in phrases)
        {
            var pattern = " " + phrase.Text;
            items = items.Where(i => i.SearchText == null || !(" " + i.SearchText).Contains(pattern));
        }

        return items;
    }

    /// <summary>i => i.SearchText != null &amp;&amp; ((" " + i.SearchText).Contains(p1) || …), which every provider translates.</summary>
    private static Expression<Func<StoredItem, bool>> AnyPhrase(IReadOnlyList<SearchPhrase> phrases)
    {
        var item = Expression.Parameter(typeof(StoredItem), "i");
        var text = Expression.Property(item, nameof(StoredItem.SearchText));
        var concat = typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])!;
        var spaced = Expression.Call(concat, Expression.Constant(" "), text);
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        Expression? any = null;
        foreach (var phrase in phrases)
        {
            // A closure member rather than a constant, so the database sees a parameter and reuses its plan.
            var value = Expression.Property(Expression.Constant(new Pattern(" " + phrase.Text)), nameof(Pattern.Value));
            var match = Expression.Call(spaced, contains, value);
            any = any is null ? match : Expression.OrElse(any, match);
        }

        var notNull = Expression.NotEqual(text, Expression.Constant(null, typeof(string)));
        return Expression.Lambda<Func<StoredItem, bool>>(Expression.AndAlso(notNull, any!), item);
    }

    private sealed record Pattern(string Value);
}
