using FeedHub.Feeds;
using FeedHub.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FeedHub.Api;

/// <summary>Stored items, newest first, for operators and services: search, filter, and page back through them.</summary>
internal static class ItemsApi
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 500;

    public static RouteGroupBuilder MapItems(this IEndpointRouteBuilder app)
    {
        var items = app.MapGroup("/api/items").WithTags("Items")
            .RequireAuthorization(ApiRoles.CanRead)
            .RequireRateLimiting(ApiRegistration.RateLimitPolicy);
        items.MapGet("/", ListAsync).WithName("ListItems")
            .WithDescription("Items newest first. q: words that must all start a word of the title, summary, categories or authors, in any order, matched without regard to case or diacritics (punctuation separates words; a query without letters or digits filters nothing); source: a source id; feed: a merged feed's slug; since: only items published (or, undated, discovered) at or after this time; cursor: the previous page's next.");
        return items;
    }

    private static async Task<Results<Ok<ItemPageResponse>, ProblemHttpResult>> ListAsync(
        FeedHubDbContext db, string? q, Guid? source, string? feed, DateTimeOffset? since, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(limit ?? DefaultPageSize, 1, MaxPageSize);
        ItemCursor? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            if (!ItemCursor.TryParse(cursor, out after))
            {
                return ApiProblems.BadRequest("cursor", "is not a cursor this API gave out.", "The query is not valid");
            }
        }

        var query = db.Items.AsNoTracking();
        Func<StoredItem, bool> matches = _ => true;
        if (feed is not null)
        {
            if (await MergedFeedDefinitions.FindAsync(db, feed, cancellationToken).ConfigureAwait(false) is not { } definition)
            {
                return ApiProblems.BadRequest("feed", $"'{feed}' is not a merged feed.", "The query is not valid");
            }

            var selection = await MergedFeedSelection.ResolveAsync(definition, db, cancellationToken).ConfigureAwait(false);
            query = await selection.ApplyAsync(query, cancellationToken).ConfigureAwait(false);
            matches = selection.Matches;
        }

        if (source is { } sourceId)
        {
            query = query.Where(i => i.SourceId == sourceId);
        }

        if (since is { } from)
        {
            query = query.Where(i => i.SortAt >= from);
        }

        query = await ItemSearch.For(db).WithAllAsync(query, SearchPhrase.EachWordOf(q), cancellationToken).ConfigureAwait(false);

        var page = await ItemPager.ReadAsync(query, after, size, matches, cancellationToken).ConfigureAwait(false);
        var ids = page.Items.Select(i => i.SourceId).Distinct().ToList();
        var names = await db.Sources.AsNoTracking().Where(s => ids.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new ItemPageResponse(
            [.. page.Items.Select(i => ItemResponse.From(i, names.GetValueOrDefault(i.SourceId, string.Empty)))],
            page.Next?.ToString()));
    }
}
