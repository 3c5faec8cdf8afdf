namespace FeedHub.Sources;

/// <summary>How the last polls of a source went, as operators see it.</summary>
internal sealed class SourceHealth
{
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? LastSuccessAt { get; set; }
    public int? LastStatusCode { get; set; }
    public int ConsecutiveFailures { get; set; }
    public string? LastFailureKind { get; set; }
    public string? LastError { get; set; }

    public bool IsHealthy => ConsecutiveFailures == 0;
}
