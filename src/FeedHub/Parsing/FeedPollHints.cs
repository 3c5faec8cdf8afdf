namespace FeedHub.Parsing;

/// <summary>
/// What a feed says about how often it is worth polling: RSS <c>ttl</c>, <c>skipHours</c> and
/// <c>skipDays</c>, and the syndication module's <c>sy:updatePeriod</c> / <c>sy:updateFrequency</c>.
/// </summary>
/// <param name="SkipHours">Hours of the day (UTC, 0–23) in which the feed asks not to be read.</param>
internal sealed record FeedPollHints(TimeSpan? TimeToLive, IReadOnlyList<int> SkipHours, IReadOnlyList<DayOfWeek> SkipDays, TimeSpan? UpdatePeriod)
{
    public static FeedPollHints None { get; } = new(null, [], [], null);

    public bool IsNone => TimeToLive is null && SkipHours.Count == 0 && SkipDays.Count == 0 && UpdatePeriod is null;

    public bool Equals(FeedPollHints? other) =>
        other is not null && TimeToLive == other.TimeToLive && UpdatePeriod == other.UpdatePeriod
        && SkipHours.SequenceEqual(other.SkipHours) && SkipDays.SequenceEqual(other.SkipDays);

    public override int GetHashCode() => HashCode.Combine(TimeToLive, UpdatePeriod, SkipHours.Count, SkipDays.Count);
}
