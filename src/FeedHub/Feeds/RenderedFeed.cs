using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace FeedHub.Feeds;

/// <summary>
/// A merged feed written out once and served to every reader until it changes, with its response
/// headers already formatted: a cached read costs no formatting, parsing or hashing.
/// </summary>
internal sealed class RenderedFeed
{
    public RenderedFeed(byte[] body, string contentType, string etag, DateTimeOffset lastModified)
    {
        Body = body;
        ContentType = contentType;
        ETag = etag;
        LastModified = lastModified;
        EntityTag = EntityTagHeaderValue.Parse(etag);
        ETagHeader = etag;
        ContentTypeHeader = contentType;
        LastModifiedHeader = HeaderUtilities.FormatDate(lastModified);
        LastModifiedSeconds = lastModified.ToUnixTimeSeconds();
    }

    public byte[] Body { get; }
    public string ContentType { get; }

    /// <summary>A strong hash of the bytes, so every api process gives the same answer.</summary>
    public string ETag { get; }
    public DateTimeOffset LastModified { get; }

    public EntityTagHeaderValue EntityTag { get; }
    public StringValues ETagHeader { get; }
    public StringValues ContentTypeHeader { get; }
    public StringValues LastModifiedHeader { get; }

    /// <summary>HTTP dates have whole seconds; If-Modified-Since is compared at that precision.</summary>
    public long LastModifiedSeconds { get; }
}
