namespace FeedHub.Feeds;

/// <summary>A merged feed written out once and served to every reader until it changes.</summary>
/// <param name="ETag">A strong hash of the bytes, so every api process gives the same answer.</param>
internal sealed record RenderedFeed(byte[] Body, string ContentType, string ETag, DateTimeOffset LastModified);
