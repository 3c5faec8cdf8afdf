using FeedHub.Normalizing;
using FeedHub.Storage;
using Microsoft.EntityFrameworkCore;

namespace FeedHub.Feeds;

/// <summary>
/// A merged feed definition turned into a query: the sources it selects, resolved once, and its
/// keyword filters pushed into the database (phrases on the folded search text, see ItemSearch); categories, kept as JSON,
/// are checked on the rows read.
/// </summary>
internal sealed class MergedFeedSelection
{
    private readonly HashSet<Guid>? sourceIds;
    private readonly ItemSearch search;
    private readonly IReadOnlyList<SearchPhrase> include;
    private readonly IReadOnlyList<SearchPhrase> exclude;
    private readonly HashSet<string> categories;

    private MergedFeedSelection(HashSet<Guid>? sourceIds, MergedFeedDefinition definition, ItemSearch search)
    {
        this.sourceIds = sourceIds;
        this.search = search;

        // A keyword is a phrase: "giá vàng" wants "gia" then "vang" (or a word starting so) right after it.
        include = SearchPhrase.AllOf(definition.Include);
        exclude = SearchPhrase.AllOf(definition.Exclude);
        categories = [.. Folded(definition.Categories)];
    }

    /// <summary>Whether some rows the database returns may still fail <see cref="Matches"/>.</summary>
    public bool FiltersInMemory => categories.Count > 0;

    public static async Task<MergedFeedSelection> ResolveAsync(MergedFeedDefinition definition, FeedHubDbContext db, CancellationToken cancellationToken)
    {
        var selectsAll = definition.Tags.Count == 0 && definition.SourceIds.Count == 0 && definition.Language is null;
        if (selectsAll)
        {
            return new MergedFeedSelection(null, definition, ItemSearch.For(db));
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
        return new MergedFeedSelection(selected, definition, ItemSearch.For(db));
    }

    public async Task<IQueryable<StoredItem>> ApplyAsync(IQueryable<StoredItem> items, CancellationToken cancellationToken)
    {
        if (sourceIds is not null)
        {
            var ids = sourceIds.ToList();
            items = items.Where(i => ids.Contains(i.SourceId));
        }

        items = await search.WithNoneAsync(items, exclude, cancellationToken).ConfigureAwait(false);
        return await search.WithAnyAsync(items, include, cancellationToken).ConfigureAwait(false);
    }

    public bool Matches(StoredItem item) =>
        categories.Count == 0 || item.Categories.Any(c => categories.Contains(FoldedText.Of(c)));

    /// <summary>"vi" matches "vi-VN" and "VI": the primary subtag decides.</summary>
    public static bool SameLanguage(string wanted, string? actual) =>
        actual is not null && string.Equals(PrimarySubtag(wanted), PrimarySubtag(actual), StringComparison.OrdinalIgnoreCase);

    private static string PrimarySubtag(string tag) => tag.Trim().Split('-', '_')[0];

    private static List<string> Folded(IEnumerable<string> words) =>
        [.. words.Select(FoldedText.Of).Select(w => w.Trim()).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal)];
}
