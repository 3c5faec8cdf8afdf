namespace FeedHub;

/// <summary>What one poll of a source came to; logged, and asserted on in tests.</summary>
internal sealed record PollOutcome(PollOutcomeKind Kind, int Added = 0, int Changed = 0, string? Failure = null)
{
    public static PollOutcome Skipped { get; } = new(PollOutcomeKind.Skipped);
    public static PollOutcome Unchanged { get; } = new(PollOutcomeKind.Unchanged);
}

internal enum PollOutcomeKind
{
    Skipped,
    Unchanged,
    Fetched,
    Failed,
}
