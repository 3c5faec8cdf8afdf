namespace FeedHub.Fetching;

/// <summary>What the server told us last time, echoed back so an unchanged feed costs a 304.</summary>
/// <remarks>Last-Modified is kept as the server's own string: echoing it verbatim is what servers compare.</remarks>
internal sealed record CacheValidators(string? ETag, string? LastModified)
{
    public static CacheValidators None { get; } = new(null, null);
}
