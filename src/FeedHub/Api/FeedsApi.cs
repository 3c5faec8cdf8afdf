using FeedHub.Feeds;
using Microsoft.Net.Http.Headers;

namespace FeedHub.Api;

/// <summary>
/// Readers' merged feeds: /feeds/{slug}.rss, .atom and .json, and /feeds/{slug} as a page, with
/// ETag, Last-Modified and 304s, paged back with ?before=. Public unless the feed is private.
/// </summary>
internal static class FeedsApi
{
    /// <summary>Where readers' feeds live; the host keeps operator authentication off this path.</summary>
    public const string Path = "/feeds";

    public static RouteGroupBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup(Path).WithTags("Feeds");
        feeds.MapMethods("/{file}", ["GET", "HEAD"], ServeAsync).WithName("ReadMergedFeed")
            .WithSummary("A merged feed for readers")
            .WithDescription("/feeds/{slug}.rss (RSS 2.0), .atom (Atom 1.0), .json (JSON Feed 1.1), or /feeds/{slug} as an HTML page. before: the cursor from a page's next link, for older items; token: required by private feeds.");
        return feeds;
    }

    private static async Task<IResult> ServeAsync(string file, string? before, string? token, HttpContext context, MergedFeedCache cache, CancellationToken cancellationToken)
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

        var definition = await cache.FindDefinitionAsync(slug, cancellationToken).ConfigureAwait(false);

        // A private feed without its token answers exactly like a feed that does not exist.
        if (definition is null || (definition.Private && !FeedToken.Matches(definition.Token, token)))
        {
            return NoSuchFeed($"There is no merged feed '{slug}'.");
        }

        var request = context.Request;
        var feed = await cache.GetAsync(definition, output, Root(request), cursor, cancellationToken).ConfigureAwait(false);
        return new RenderedFeedResult(feed, output, definition.Private, IsNotModified(request, feed));
    }

    /// <summary>The service's base URL as the reader addressed it, ending in '/': a rendering's links are absolute.</summary>
    internal static string Root(HttpRequest request) => string.Concat(request.Scheme, "://", request.Host.Value, request.PathBase.Value, "/");

    /// <summary>"all.rss" is the RSS of feed "all"; "all" alone is its page. Slugs never contain a dot.</summary>
    internal static bool TryReadFile(string file, out string slug, out FeedOutput output)
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

    /// <summary>RFC 9110 §13.2.2: If-None-Match decides when present; If-Modified-Since only without it.</summary>
    internal static bool IsNotModified(HttpRequest request, RenderedFeed feed)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            // Readers send back the tag they were given, byte for byte: that needs no parsing.
            if (ifNoneMatch.Count == 1 && string.Equals(ifNoneMatch[0], feed.ETag, StringComparison.Ordinal))
            {
                return true;
            }

            return request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(feed.EntityTag, useStrongComparison: false));
        }

        return request.GetTypedHeaders().IfModifiedSince is { } since
            && feed.LastModifiedSeconds <= since.ToUnixTimeSeconds();
    }
}
