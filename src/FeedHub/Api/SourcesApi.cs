using FeedHub.Sources;
using FeedHub.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FeedHub.Api;

/// <summary>Operators' sources: list, read, add, change, poll now, and preview a URL without storing it.</summary>
internal static class SourcesApi
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 500;

    public static RouteGroupBuilder MapSources(this IEndpointRouteBuilder app)
    {
        var sources = app.MapGroup("/api/sources").WithTags("Sources")
            .RequireAuthorization(ApiRoles.CanRead)
            .RequireRateLimiting(ApiRegistration.RateLimitPolicy);
        sources.MapGet("/", ListAsync).WithName("ListSources");
        sources.MapGet("/{id:guid}", GetAsync).WithName("GetSource");
        sources.MapPost("/", AddAsync).RequireAuthorization(ApiRoles.CanWrite).WithName("AddSource");
        sources.MapPut("/{id:guid}", ReplaceAsync).RequireAuthorization(ApiRoles.CanWrite).WithName("ChangeSource");
        sources.MapDelete("/{id:guid}", RemoveAsync).RequireAuthorization(ApiRoles.CanWrite).WithName("RemoveSource")
            .WithDescription("Removes a source. items=keep (the default) archives it and keeps its items in feeds; items=purge deletes them too.");
        sources.MapPost("/{id:guid}/poll", PollAsync).RequireAuthorization(ApiRoles.CanWrite).WithName("PollSource");
        sources.MapPost("/preview", SourcePreview.PreviewAsync).RequireAuthorization(ApiRoles.CanWrite).WithName("PreviewSource");
        sources.MapPost("/preview-extraction", ExtractionPreview.PreviewAsync).RequireAuthorization(ApiRoles.CanWrite).WithName("PreviewExtraction");
        return sources;
    }

    /// <summary>
    /// Sources filtered by tag and health state, ordered by name. The cursor is opaque to callers; a
    /// FeedHub node carries tens of thousands of sources at most, which are filtered in memory.
    /// </summary>
    private static async Task<Results<Ok<SourcePage>, ProblemHttpResult>> ListAsync(
        FeedHubDbContext db, TimeProvider time, string? tag, string? health, bool? archived, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(limit ?? DefaultPageSize, 1, MaxPageSize);
        if (!PageCursor.TryRead(cursor, out var offset))
        {
            return ApiProblems.BadRequest("cursor", "is not a cursor this API gave out.");
        }

        var showArchived = archived ?? false;
        var all = await db.Sources.AsNoTracking().Where(s => (s.ArchivedAt != null) == showArchived).ToListAsync(cancellationToken).ConfigureAwait(false);
        var matching = all
            .Where(s => tag is null || s.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            .Where(s => health is null || string.Equals(SourceResponse.StateOf(s.Health), health, StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => s.Name, StringComparer.CurrentCulture).ThenBy(s => s.Id)
            .Skip(offset).Take(size + 1)
            .ToList();
        var page = matching.Take(size).ToList();
        List<Guid> ids = [.. page.Select(s => s.Id)];
        var counts = await ItemCountsAsync(db, time, ids, cancellationToken).ConfigureAwait(false);
        var pushes = await PushesAsync(db, ids, cancellationToken).ConfigureAwait(false);
        var next = matching.Count > size ? PageCursor.Write(offset + size) : null;
        return TypedResults.Ok(new SourcePage([.. page.Select(s => SourceResponse.From(s, counts.GetValueOrDefault(s.Id), pushes.GetValueOrDefault(s.Id)))], next));
    }

    private static async Task<Results<Ok<SourceResponse>, ProblemHttpResult>> GetAsync(Guid id, FeedHubDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var source = await db.Sources.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false);
        return source is null
            ? ApiProblems.NotFound(id)
            : TypedResults.Ok(await ResponseAsync(db, time, source, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<Results<Created<SourceResponse>, ProblemHttpResult>> AddAsync(
        SourceDefinition body, SourceEditor editor, FeedHubDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        await editor.AddAsync(body, cancellationToken).ConfigureAwait(false) switch
        {
            SourceEdit.Done done => TypedResults.Created($"/api/sources/{done.Source.Id}", await ResponseAsync(db, time, done.Source, cancellationToken).ConfigureAwait(false)),
            SourceEdit.Duplicate duplicate => ApiProblems.Duplicate(duplicate.Existing),
            SourceEdit.Invalid invalid => ApiProblems.Invalid(invalid.Errors),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}"),
        };

    private static async Task<Results<Ok<SourceResponse>, ProblemHttpResult>> ReplaceAsync(
        Guid id, SourceDefinition body, SourceEditor editor, FeedHubDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        await editor.ReplaceAsync(id, body, cancellationToken).ConfigureAwait(false) switch
        {
            SourceEdit.Done done => TypedResults.Ok(await ResponseAsync(db, time, done.Source, cancellationToken).ConfigureAwait(false)),
            SourceEdit.NotFound => ApiProblems.NotFound(id),
            SourceEdit.DeclaredInConfiguration declared => ApiProblems.DeclaredInConfiguration(declared.Source),
            SourceEdit.Duplicate duplicate => ApiProblems.Duplicate(duplicate.Existing),
            SourceEdit.Invalid invalid => ApiProblems.Invalid(invalid.Errors),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}"),
        };

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(Guid id, string? items, SourceEditor editor, CancellationToken cancellationToken)
    {
        var purge = items?.ToLowerInvariant() switch
        {
            null or "keep" => false,
            "purge" => true,
            _ => (bool?)null,
        };
        if (purge is null)
        {
            return ApiProblems.BadRequest("items", $"must be 'keep' or 'purge' (got '{items}').");
        }

        return await editor.RemoveAsync(id, purge.Value, cancellationToken).ConfigureAwait(false) switch
        {
            SourceEdit.Done => TypedResults.NoContent(),
            SourceEdit.NotFound => ApiProblems.NotFound(id),
            SourceEdit.DeclaredInConfiguration declared => ApiProblems.DeclaredInConfiguration(declared.Source),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}"),
        };
    }

    /// <summary>
    /// An operator waiting on a request is answered "deferred" after this long rather than kept until a busy
    /// host's turn comes; the scheduler keeps polling the source on its own plan.
    /// </summary>
    private static readonly TimeSpan ManualPollHostWait = TimeSpan.FromSeconds(10);

    /// <summary>Polls now, in this request, exactly as the scheduler would, and answers with what happened.</summary>
    private static async Task<Results<Ok<PollResponse>, ProblemHttpResult>> PollAsync(
        Guid id, SourcePoller poller, FeedHubDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await db.Sources.AnyAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return ApiProblems.NotFound(id);
        }

        var outcome = await poller.PollAsync(id, ManualPollHostWait, cancellationToken).ConfigureAwait(false);
        var source = await db.Sources.AsNoTracking().FirstAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new PollResponse(
            outcome.Kind.ToString().ToLowerInvariant(), outcome.Added, outcome.Changed, outcome.Failure,
            await ResponseAsync(db, time, source, cancellationToken).ConfigureAwait(false)));
    }

    private static async Task<SourceResponse> ResponseAsync(FeedHubDbContext db, TimeProvider time, Source source, CancellationToken cancellationToken)
    {
        var counts = await ItemCountsAsync(db, time, [source.Id], cancellationToken).ConfigureAwait(false);
        var pushes = await PushesAsync(db, [source.Id], cancellationToken).ConfigureAwait(false);
        return SourceResponse.From(source, counts.GetValueOrDefault(source.Id), pushes.GetValueOrDefault(source.Id));
    }

    private static Task<Dictionary<Guid, Push.WebSubSubscription>> PushesAsync(FeedHubDbContext db, List<Guid> ids, CancellationToken cancellationToken) =>
        db.WebSubSubscriptions.AsNoTracking().Where(s => ids.Contains(s.SourceId)).ToDictionaryAsync(s => s.SourceId, cancellationToken);

    private static async Task<Dictionary<Guid, ItemCounts>> ItemCountsAsync(FeedHubDbContext db, TimeProvider time, List<Guid> ids, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var since = now.AddDays(-1);
        var window = TimeSpan.FromDays(30);
        var windowStart = now - window;
        var rows = await db.Items.AsNoTracking()
            .Where(i => ids.Contains(i.SourceId))
            .GroupBy(i => i.SourceId)
            .Select(g => new
            {
                SourceId = g.Key,
                Total = g.Count(),
                Recent = g.Count(i => i.DiscoveredAt >= since),
                InWindow = g.Count(i => i.SortAt >= windowStart),
            })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return rows.ToDictionary(
            r => r.SourceId,
            r => new ItemCounts(r.Total, r.Recent, r.InWindow >= 2 ? window / r.InWindow : null));
    }
}
