using FeedHub.Feeds;
using Microsoft.Net.Http.Headers;

namespace FeedHub.Api;

/// <summary>Readers' merged feeds: /feeds/{slug}.rss, .atom and .json, with ETag, Last-Modified and 304s.</summary>
internal static class FeedsApi
{
    public static RouteGroupBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/feeds").WithTags("Feeds");
        feeds.MapMethods("/{file}", ["GET", "HEAD"], ServeAsync);
        return feeds;
    }

    private static async Task<IResult> ServeAsync(string file, HttpContext context, MergedFeedCache cache, CancellationToken cancellationToken)
    {
        var dot = file.LastIndexOf('.');
        if (dot <= 0 || !FeedOutputs.TryParse(file[(dot + 1)..], out var output))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such feed", detail: $"'{file}' is not a merged feed; use /feeds/{{slug}}.rss, .atom or .json.");
        }

        var slug = file[..dot];
        var selfUrl = new Uri($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{context.Request.Path}");
        var feed = await cache.GetAsync(slug, output, selfUrl, cancellationToken).ConfigureAwait(false);
        if (feed is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such feed", detail: $"There is no merged feed '{slug}'.");
        }

        var headers = context.Response.GetTypedHeaders();
        headers.ETag = EntityTagHeaderValue.Parse(feed.ETag);
        headers.LastModified = feed.LastModified;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromMinutes(1) };
        return IsNotModified(context.Request, feed)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(feed.Body, feed.ContentType);
    }

    /// <summary>RFC 9110 §13.2.2: If-None-Match decides when present; If-Modified-Since only without it.</summary>
    private static bool IsNotModified(HttpRequest request, RenderedFeed feed)
    {
        var headers = request.GetTypedHeaders();
        if (headers.IfNoneMatch is { Count: > 0 } candidates)
        {
            var current = EntityTagHeaderValue.Parse(feed.ETag);
            return candidates.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
        }

        // HTTP dates have whole seconds; compare at that precision.
        return headers.IfModifiedSince is { } since
            && feed.LastModified.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }
}
