using FeedHub.Feeds;
using Microsoft.Net.Http.Headers;

namespace FeedHub.Api;

/// <summary>
/// Readers' merged feeds: /feeds/{slug}.rss, .atom and .json, and /feeds/{slug} as a page, with
/// ETag, Last-Modified and 304s, paged back with ?before=. Public unless the feed is private.
/// </summary>
internal static class FeedsApi
{
    /// <summary>The page needs styles but never scripts, frames, forms or plugins.</summary>
    private const string PagePolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static RouteGroupBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/feeds").WithTags("Feeds");
        feeds.MapMethods("/{file}", ["GET", "HEAD"], ServeAsync).WithName("ReadMergedFeed")
            .WithSummary("A merged feed for readers")
            .WithDescription("/feeds/{slug}.rss (RSS 2.0), .atom (Atom 1.0), .json (JSON Feed 1.1), or /feeds/{slug} as an HTML page. before: the cursor from a page's next link, for older items; token: required by private feeds.");
        return feeds;
    }

    private static async Task<IResult> ServeAsync(string file, string? before, string? token, HttpContext context, IMergedFeedSource feeds, MergedFeedCache cache, CancellationToken cancellationToken)
    {
        if (!TryReadFile(file, out var slug, out var output))
        {
            return NoSuchFeed($"'{file}' is not a merged feed; use /feeds/{{slug}}.rss, .atom or .json, or /feeds/{{slug}} for the page.");
        }

        ItemCursor? cursor = null;
        if (before is not null && !ItemCursor.TryParse(before, out cursor))
        {
            return ApiProblems.BadRequest("before", "is not a cursor from this feed's next link; start again from the newest page.", "The feed request is not valid");
        }

        var definition = await feeds.FindDefinitionAsync(slug, cancellationToken).ConfigureAwait(false);

        // A private feed without its token answers exactly like a feed that does not exist.
        if (definition is null || (definition.Private && !FeedToken.Matches(definition.Token, token)))
        {
            return NoSuchFeed($"There is no merged feed '{slug}'.");
        }

        var root = new Uri($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/");
        var address = new FeedAddress(root, slug, definition.Private ? definition.Token : null, cursor);
        var feed = await cache.GetAsync(definition, output, address, cancellationToken).ConfigureAwait(false);
        WriteHeaders(context.Response, feed, output, definition.Private);
        return IsNotModified(context.Request, feed)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(feed.Body, feed.ContentType);
    }

    /// <summary>"all.rss" is the RSS of feed "all"; "all" alone is its page. Slugs never contain a dot.</summary>
    private static bool TryReadFile(string file, out string slug, out FeedOutput output)
    {
        var dot = file.LastIndexOf('.');
        if (dot < 0)
        {
            (slug, output) = (file, FeedOutput.Html);
            return file.Length > 0;
        }

        slug = file[..dot];
        var known = FeedOutputs.TryParse(file[(dot + 1)..], out output);
        return dot > 0 && known;
    }

    private static IResult NoSuchFeed(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such feed", detail: detail);

    private static void WriteHeaders(HttpResponse response, RenderedFeed feed, FeedOutput output, bool isPrivate)
    {
        var headers = response.GetTypedHeaders();
        headers.ETag = EntityTagHeaderValue.Parse(feed.ETag);
        headers.LastModified = feed.LastModified;

        // A private feed's URL is a secret: shared caches must not keep a copy for anyone else.
        headers.CacheControl = new CacheControlHeaderValue { Public = !isPrivate, Private = isPrivate, MaxAge = TimeSpan.FromMinutes(1) };
        if (output == FeedOutput.Html)
        {
            response.Headers.ContentSecurityPolicy = PagePolicy;
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers["Referrer-Policy"] = "no-referrer";
        }
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
