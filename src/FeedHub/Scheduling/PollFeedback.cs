using FeedHub.Parsing;

namespace FeedHub.Scheduling;

/// <summary>What the poll just finished tells the planner about when the next one is worth making.</summary>
/// <param name="ConsecutiveFailures">Failed polls in a row, this one included; 0 after a success.</param>
/// <param name="RetryAfter">The server's Retry-After on a 429 or 503.</param>
/// <param name="FreshFor">How long the answer stays fresh by HTTP caching (Cache-Control max-age, Expires).</param>
/// <param name="Rhythm">How often the source publishes; measured only for adaptive sources.</param>
/// <param name="HostBusy">The poll did not run: the host's politeness limit gave it no turn in time.</param>
internal sealed record PollFeedback(
    int ConsecutiveFailures = 0,
    TimeSpan? RetryAfter = null,
    TimeSpan? FreshFor = null,
    FeedPollHints? Hints = null,
    PublishingRhythm? Rhythm = null,
    bool HostBusy = false)
{
    public static PollFeedback None { get; } = new();

    /// <summary>With <see cref="HostBusy"/>: when the host next lets a request start (after a host-wide Retry-After, say).</summary>
    public DateTimeOffset? HostFreeAt { get; init; }

    /// <summary>A WebSub hub pushes this source's new items, and this poll found none it had missed.</summary>
    public bool PushActive { get; init; }
}
