namespace FeedHub.Scheduling;

/// <summary>When a source is polled next, and why then: shown to operators so a schedule is never opaque.</summary>
internal sealed record PlannedPoll(DateTimeOffset At, string Reason);
