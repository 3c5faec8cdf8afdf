namespace FeedHub.Contracts;

/// <summary>A source went from healthy to failing, or back.</summary>
public sealed record SourceHealthChanged
{
    /// <summary>The source.</summary>
    public required FeedSourceInfo Source { get; init; }

    /// <summary>True when the source now polls successfully.</summary>
    public required bool Healthy { get; init; }

    /// <summary>The class of the last failure (for example <c>NotFound</c>, <c>Timeout</c>), when failing.</summary>
    public string? FailureKind { get; init; }

    /// <summary>What went wrong, for a person, when failing.</summary>
    public string? Error { get; init; }

    /// <summary>Consecutive failed polls at the time of the change.</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>When the change was seen, in UTC.</summary>
    public required DateTimeOffset ChangedAt { get; init; }
}
