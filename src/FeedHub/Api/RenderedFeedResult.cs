using FeedHub.Feeds;
using Microsoft.Extensions.Primitives;

namespace FeedHub.Api;

/// <summary>
/// Answers a reader from a cached rendering: headers that were formatted when it was rendered, and
/// its bytes written straight to the connection, or 304 with the validators only. HEAD gets the
/// headers of the GET.
/// </summary>
internal sealed class RenderedFeedResult(RenderedFeed feed, FeedOutput output, bool isPrivate, bool notModified) : IResult
{
    /// <summary>A private feed's URL is a secret: shared caches must not keep a copy for anyone else.</summary>
    private static readonly StringValues PublicCaching = "public, max-age=60";
    private static readonly StringValues PrivateCaching = "private, max-age=60";

    /// <summary>The page needs styles but never scripts, frames, forms or plugins.</summary>
    private static readonly StringValues PagePolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly StringValues NoSniff = "nosniff";
    private static readonly StringValues NoReferrer = "no-referrer";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var headers = response.Headers;
        headers.ETag = feed.ETagHeader;
        headers.LastModified = feed.LastModifiedHeader;
        headers.CacheControl = isPrivate ? PrivateCaching : PublicCaching;
        if (output == FeedOutput.Html)
        {
            headers.ContentSecurityPolicy = PagePolicy;
            headers.XContentTypeOptions = NoSniff;
            headers["Referrer-Policy"] = NoReferrer;
        }

        if (notModified)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        headers.ContentType = feed.ContentTypeHeader;
        response.ContentLength = feed.Body.Length;
        return HttpMethods.IsHead(httpContext.Request.Method)
            ? Task.CompletedTask
            : response.BodyWriter.WriteAsync(feed.Body, httpContext.RequestAborted).AsTask();
    }
}
