using System.ComponentModel.DataAnnotations;

namespace FeedHub.Extracting;

/// <summary>Bound from <c>FeedHub:FullContent</c>: how much one poll of a full-content source may fetch.</summary>
internal sealed class FullContentOptions
{
    /// <summary>
    /// Article pages fetched per poll at most; the rest of that poll's new items keep the feed's own content. It keeps
    /// a first poll of a long feed, or a feed that republishes everything, from becoming hundreds of requests.
    /// </summary>
    [Range(0, 1000)]
    public int MaxPagesPerPoll { get; set; } = 20;

    /// <summary>
    /// How long one page waits for its turn at a busy host. Shorter than a feed's wait: a page missed costs only
    /// its full text, while waiting holds up storing every item of the poll.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan HostWaitLimit { get; set; } = TimeSpan.FromSeconds(30);
}
