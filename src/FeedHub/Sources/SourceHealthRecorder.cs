using FeedHub.Contracts;
using FeedHub.Publishing;
using FeedHub.Storage;

namespace FeedHub.Sources;

/// <summary>
/// Records each poll's outcome on the source and, when the source turns failing or recovers, queues a
/// SourceHealthChanged in the same transaction as the change.
/// </summary>
internal sealed class SourceHealthRecorder(FeedHubDbContext db, TimeProvider time)
{
    public void Succeeded(Source source, int statusCode)
    {
        var now = time.GetUtcNow();
        var wasHealthy = source.Health.IsHealthy;
        source.Health.LastAttemptAt = now;
        source.Health.LastSuccessAt = now;
        source.Health.LastStatusCode = statusCode;
        source.Health.ConsecutiveFailures = 0;
        source.Health.LastFailureKind = null;
        source.Health.LastError = null;
        if (!wasHealthy)
        {
            Announce(source, now);
        }
    }

    public void Failed(Source source, string failureKind, string detail, int? statusCode)
    {
        var now = time.GetUtcNow();
        var wasHealthy = source.Health.IsHealthy;
        source.Health.LastAttemptAt = now;
        source.Health.LastStatusCode = statusCode;
        source.Health.ConsecutiveFailures++;
        source.Health.LastFailureKind = failureKind;
        source.Health.LastError = ColumnLimits.Shorten(detail, ColumnLimits.Error);
        if (wasHealthy)
        {
            Announce(source, now);
        }
    }

    private void Announce(Source source, DateTimeOffset now) =>
        db.Outbox.Add(OutboxMessageFactory.HealthChanged(new SourceHealthChanged
        {
            Source = source.ToContract(),
            Healthy = source.Health.IsHealthy,
            FailureKind = source.Health.LastFailureKind,
            Error = source.Health.LastError,
            ConsecutiveFailures = source.Health.ConsecutiveFailures,
            ChangedAt = now,
        }));
}
