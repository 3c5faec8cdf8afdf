namespace FeedHub.Fetching.Politeness;

/// <summary>
/// One of a host's concurrent request slots (<c>FeedHub:Fetching:MaxConcurrentPerHost</c> rows per host).
/// A worker holds a slot by writing its name and an expiry; a worker that dies loses it when it expires.
/// </summary>
internal sealed class HostLease
{
    public required string Host { get; set; }
    public int Slot { get; set; }
    public string? Holder { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
