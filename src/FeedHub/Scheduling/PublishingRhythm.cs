using FeedHub.Storage;
using Microsoft.EntityFrameworkCore;

namespace FeedHub.Scheduling;

/// <summary>
/// How often a source publishes: the items dated within the window and the time they span up to now.
/// The span runs from the oldest of them, not the window's start, because a feed lists only its latest
/// items: twenty items over the last two hours mean one every six minutes, not twenty a week.
/// </summary>
internal sealed record PublishingRhythm(int Items, TimeSpan Span, TimeSpan Window)
{
    /// <summary>Less than this is too short a span to say anything (a backlog discovered in one go).</summary>
    private static readonly TimeSpan ShortestSpan = TimeSpan.FromHours(1);

    /// <summary>The mean time between items; null when none was published within the window.</summary>
    public TimeSpan? MeanGap => Items == 0 ? null : (Span < ShortestSpan ? ShortestSpan : Span) / Items;

    public double ItemsPerDay => Items == 0 ? 0 : Items / Math.Max(Span.TotalDays, ShortestSpan.TotalDays);

    public static async Task<PublishingRhythm> MeasureAsync(FeedHubDbContext db, Guid sourceId, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - window;
        var dated = db.Items.Where(i => i.SourceId == sourceId && i.SortAt >= since && i.SortAt <= now);
        var count = await dated.CountAsync(cancellationToken).ConfigureAwait(false);
        if (count == 0)
        {
            return new PublishingRhythm(0, window, window);
        }

        var oldest = await dated.MinAsync(i => i.SortAt, cancellationToken).ConfigureAwait(false);
        return new PublishingRhythm(count, now - oldest, window);
    }
}
