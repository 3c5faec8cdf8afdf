namespace FeedHub.Load;

/// <summary>
/// What every farm feed holds at any moment, computed from the clock alone so the farm, the scenario and the
/// analysis agree without talking: change round k (k = 1, 2, …) happens half an interval after the k-th interval
/// starts, and picks each feed with probability <see cref="ChangeShare"/> by a hash of (feed, k).
/// </summary>
internal sealed record FarmPlan(int Feeds, TimeSpan Interval, double ChangeShare, long StartUnixMs, int InitialItems = 20, int ItemsPerChange = 2, int Window = 20)
{
    public long RoundAtMs(int round) => StartUnixMs + (long)((round - 0.5) * Interval.TotalMilliseconds);

    public int RoundsBy(long unixMs) => unixMs < RoundAtMs(1) ? 0 : (int)(((unixMs - StartUnixMs) / Interval.TotalMilliseconds) + 0.5);

    /// <summary>Feeds picked in each round, expected: share × feeds.</summary>
    public bool Changes(int feed, int round) => FarmHash.Fraction(FarmHash.Mix(((ulong)(uint)feed << 32) | (uint)round)) < ChangeShare;

    /// <summary>How many times the feed has gained items by then.</summary>
    public int GenerationAt(int feed, long unixMs)
    {
        var generation = 0;
        for (var round = RoundsBy(unixMs); round >= 1; round--)
        {
            generation += Changes(feed, round) ? 1 : 0;
        }

        return generation;
    }

    /// <summary>When the feed's generation became fetchable (the farm start for generation 0).</summary>
    public long GenerationStartMs(int feed, int generation)
    {
        if (generation == 0)
        {
            return StartUnixMs;
        }

        var seen = 0;
        for (var round = 1; ; round++)
        {
            if (Changes(feed, round) && ++seen == generation)
            {
                return RoundAtMs(round);
            }
        }
    }

    public int ItemCount(int generation) => InitialItems + (generation * ItemsPerChange);

    public int GenerationOf(int sequence) => sequence < InitialItems ? 0 : 1 + ((sequence - InitialItems) / ItemsPerChange);
}
