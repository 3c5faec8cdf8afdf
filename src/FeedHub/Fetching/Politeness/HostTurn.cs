namespace FeedHub.Fetching.Politeness;

/// <summary>The earliest time any worker may start its next request to one host; one row per host.</summary>
internal sealed class HostTurn
{
    public required string Host { get; set; }
    public DateTimeOffset NextStartAt { get; set; }
}
