using System.Linq.Expressions;
using FeedHub.Normalizing;
using FeedHub.Storage;
using Microsoft.EntityFrameworkCore;

namespace FeedHub.Feeds;

/// <summary>
/// A merged feed definition turned into a query: the sources it selects, resolved once, and its
/// keyword filters pushed into the database (on the folded search text); categories, kept as JSON,
/// are checked on the rows read.
/// </summary>
internal sealed class MergedFeedSelection
{
    private readonly HashSet<Guid>? sourceIds;
    private readonly List<string> include;
    private readonly List<string> exclude;
    private readonly HashSet<string> categories;

    private MergedFeedSelection(HashSet<Guid>? sourceIds, MergedFeedDefinition definition)
    {
        this.sourceIds = sourceIds;
        include = Folded(definition.Include);
        exclude = Folded(definition.Exclude);
        categories = [.. Folded(definition.Categories)];
    }

    /// <summary>Whether some rows the database returns may still fail <see cref="Matches"/>.</summary>
    public bool FiltersInMemory => categories.Count > 0;

    public static async Task<MergedFeedSelection> ResolveAsync(MergedFeedDefinition definition, FeedHubDbContext db, CancellationToken cancellationToken)
    {
        var selectsAll = definition.Tags.Count == 0 && definition.SourceIds.Count == 0 && definition.Language is null;
        if (selectsAll)
        {
            return new MergedFeedSelection(null, definition);
        }

        var sources = await db.Sources.AsNoTracking()
            .Select(s => new { s.Id, s.Tags, s.Language, s.FeedLanguage })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var tags = definition.Tags.Select(FoldedText.Of).ToHashSet(StringComparer.Ordinal);
        var bySource = definition.Tags.Count == 0 && definition.SourceIds.Count == 0;
        var selected = sources
            .Where(s => bySource || definition.SourceIds.Contains(s.Id) || s.Tags.Any(t => tags.Contains(FoldedText.Of(t))))
            .Where(s => definition.Language is null || SameLanguage(definition.Language, s.Language ?? s.FeedLanguage))
            .Select(s => s.Id)
            .ToHashSet();
        return new MergedFeedSelection(selected, definition);
    }

    public IQueryable<StoredItem> Apply(IQueryable<StoredItem> items)
    {
        if (sourceIds is not null)
        {
            var ids = sourceIds.ToList();
            items = items.Where(i => ids.Contains(i.SourceId));
        }

        foreach (var keyword in exclude)
        {
            items = items.Where(i => i.SearchText == null || !i.SearchText.Contains(keyword));
        }

        return include.Count == 0 ? items : items.Where(AnyKeyword(include));
    }

    public bool Matches(StoredItem item) =>
        categories.Count == 0 || item.Categories.Any(c => categories.Contains(FoldedText.Of(c)));

    /// <summary>"vi" matches "vi-VN" and "VI": the primary subtag decides.</summary>
    public static bool SameLanguage(string wanted, string? actual) =>
        actual is not null && string.Equals(PrimarySubtag(wanted), PrimarySubtag(actual), StringComparison.OrdinalIgnoreCase);

    private static string PrimarySubtag(string tag) => tag.Trim().Split('-', '_')[0];

    private static List<string> Folded(IEnumerable<string> words) =>
        [.. words.Select(FoldedText.Of).Select(w => w.Trim()).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>i => i.SearchText.Contains(k1) || i.SearchText.Contains(k2) …, which every provider translates.</summary>
    private static Expression<Func<StoredItem, bool>> AnyKeyword(List<string> keywords)
    {
        var item = Expression.Parameter(typeof(StoredItem), "i");
        var text = Expression.Property(item, nameof(StoredItem.SearchText));
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        var notNull = Expression.NotEqual(text, Expression.Constant(null, typeof(string)));
        Expression? any = null;
        foreach (var keyword in keywords)
        {
            // A closure member rather than a constant, so the database sees a parameter and reuses its plan.
            var value = Expression.Property(Expression.Constant(new Keyword(keyword)), nameof(Keyword.Value));
            var match = Expression.Call(text, contains, value);
            any = any is null ? match : Expression.OrElse(any, match);
        }

        return Expression.Lambda<Func<StoredItem, bool>>(Expression.AndAlso(notNull, any!), item);
    }

    private sealed record Keyword(string Value);
}
