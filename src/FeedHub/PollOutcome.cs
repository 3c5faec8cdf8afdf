using FeedHub.Scheduling;

namespace FeedHub;

/// <summary>What one poll of a source came to; logged, asserted on in tests, and what the next poll is planned from.</summary>
internal sealed record PollOutcome(PollOutcomeKind Kind, int Added = 0, int Changed = 0, string? Failure = null)
{
    public static PollOutcome Skipped { get; } = new(PollOutcomeKind.Skipped);

    /// <summary>The host gave no turn in time; <paramref name="hostFreeAt"/> is when it next lets a request start, if known.</summary>
    public static PollOutcome HostBusy(DateTimeOffset? hostFreeAt) =>
        new(PollOutcomeKind.Deferred) { Feedback = new PollFeedback(HostBusy: true) { HostFreeAt = hostFreeAt } };

    public PollFeedback Feedback { get; init; } = PollFeedback.None;

    /// <summary>Items the feed still lists that were stored before and have not changed.</summary>
    public int Unchanged { get; init; }
}

internal enum PollOutcomeKind
{
    Skipped,
    Unchanged,
    Fetched,
    Failed,

    /// <summary>Not polled this time: the host's politeness limit gave it no turn in time.</summary>
    Deferred,
}
