using FeedHub.Feeds;
using FeedHub.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FeedHub.Api;

/// <summary>Operators' merged feed definitions: list, read, create, change and delete; <c>all</c> always exists.</summary>
internal static class FeedDefinitionsApi
{
    public static RouteGroupBuilder MapFeedDefinitions(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/api/feeds").WithTags("Merged feeds")
            .RequireAuthorization(ApiRoles.CanRead)
            .RequireRateLimiting(ApiRegistration.RateLimitPolicy);
        feeds.MapGet("/", ListAsync).WithName("ListFeeds")
            .WithSummary("Lists merged feed definitions")
            .WithDescription("Every merged feed, ordered by slug, with the URLs readers use; the built-in 'all' is listed even when not stored.");
        feeds.MapGet("/{slug}", GetAsync).WithName("GetFeed")
            .WithSummary("Reads one merged feed definition");
        feeds.MapPost("/", AddAsync).RequireAuthorization(ApiRoles.CanWrite).WithName("AddFeed")
            .WithSummary("Creates a merged feed")
            .WithDescription("Sources are selected by tags and/or sourceIds (neither: every source); include/exclude keywords match without regard to case or Vietnamese diacritics; limit is items per page (1-500, default 100). A private feed without a token gets a random one. 409 when the slug is taken.");
        feeds.MapPut("/{slug}", ReplaceAsync).RequireAuthorization(ApiRoles.CanWrite).WithName("ChangeFeed")
            .WithSummary("Changes a merged feed in full")
            .WithDescription("Replaces the definition; a private feed sent without a token keeps its token. Feeds declared in configuration (and 'all') answer 409: change them in FeedHub:Feeds.");
        feeds.MapDelete("/{slug}", RemoveAsync).RequireAuthorization(ApiRoles.CanWrite).WithName("RemoveFeed")
            .WithSummary("Deletes a merged feed")
            .WithDescription("Removes the definition; items are not touched. Feeds declared in configuration (and 'all') answer 409.");
        return feeds;
    }

    private static async Task<Ok<List<FeedDefinitionResponse>>> ListAsync(FeedHubDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        var stored = await db.MergedFeeds.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        if (!stored.Any(f => f.Slug == MergedFeedDefinitions.AllSlug))
        {
            stored.Add(MergedFeedDefinitions.All());
        }

        var root = RootOf(context);
        return TypedResults.Ok(stored.OrderBy(f => f.Slug, StringComparer.Ordinal).Select(f => FeedDefinitionResponse.From(f, root)).ToList());
    }

    private static async Task<Results<Ok<FeedDefinitionResponse>, ProblemHttpResult>> GetAsync(string slug, FeedHubDbContext db, HttpContext context, CancellationToken cancellationToken) =>
        await MergedFeedDefinitions.FindAsync(db, slug, cancellationToken).ConfigureAwait(false) is { } feed
            ? TypedResults.Ok(FeedDefinitionResponse.From(feed, RootOf(context)))
            : ApiProblems.FeedNotFound(slug);

    private static async Task<Results<Created<FeedDefinitionResponse>, ProblemHttpResult>> AddAsync(
        MergedFeedDeclaration body, MergedFeedEditor editor, HttpContext context, CancellationToken cancellationToken) =>
        await editor.AddAsync(body, cancellationToken).ConfigureAwait(false) switch
        {
            MergedFeedEdit.Done done => TypedResults.Created($"/api/feeds/{done.Feed.Slug}", FeedDefinitionResponse.From(done.Feed, RootOf(context))),
            MergedFeedEdit.Duplicate duplicate => ApiProblems.FeedDuplicate(duplicate.Slug),
            MergedFeedEdit.Invalid invalid => ApiProblems.Invalid(invalid.Errors, FeedInvalidTitle),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}"),
        };

    private static async Task<Results<Ok<FeedDefinitionResponse>, ProblemHttpResult>> ReplaceAsync(
        string slug, MergedFeedDeclaration body, MergedFeedEditor editor, HttpContext context, CancellationToken cancellationToken) =>
        await editor.ReplaceAsync(slug, body, cancellationToken).ConfigureAwait(false) switch
        {
            MergedFeedEdit.Done done => TypedResults.Ok(FeedDefinitionResponse.From(done.Feed, RootOf(context))),
            MergedFeedEdit.NotFound => ApiProblems.FeedNotFound(slug),
            MergedFeedEdit.DeclaredInConfiguration => ApiProblems.FeedDeclaredInConfiguration(slug),
            MergedFeedEdit.Invalid invalid => ApiProblems.Invalid(invalid.Errors, FeedInvalidTitle),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}"),
        };

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(string slug, MergedFeedEditor editor, CancellationToken cancellationToken) =>
        await editor.RemoveAsync(slug, cancellationToken).ConfigureAwait(false) switch
        {
            MergedFeedEdit.Done => TypedResults.NoContent(),
            MergedFeedEdit.NotFound => ApiProblems.FeedNotFound(slug),
            MergedFeedEdit.DeclaredInConfiguration => ApiProblems.FeedDeclaredInConfiguration(slug),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}"),
        };

    private const string FeedInvalidTitle = "The merged feed is not valid";

    private static Uri RootOf(HttpContext context) =>
        new($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/");
}
