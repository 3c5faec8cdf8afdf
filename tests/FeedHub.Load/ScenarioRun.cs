namespace FeedHub.Load;

/// <summary>Everything a run recorded, for the report.</summary>
internal sealed record ScenarioRun(
    FarmPlan Plan,
    TimeSpan Run,
    long ImportStartMs,
    long ImportEndMs,
    IReadOnlyList<ProcessSample> Samples,
    IReadOnlyDictionary<int, HashSet<long>> Planned,
    IReadOnlyList<(long AtMs, long Items)> ItemCounts,
    long DatabaseBytes,
    long ItemsBytes,
    string FarmLog,
    string ConsumerLog,
    bool FeedhubExitedEarly);
