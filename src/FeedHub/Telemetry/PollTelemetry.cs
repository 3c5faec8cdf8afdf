using System.Diagnostics;
using FeedHub.Sources;

namespace FeedHub.Telemetry;

/// <summary>
/// What one poll reports about itself: a "poll" span, the poll counter and duration, and a logging scope
/// carrying the source's id (and name, once it is known), so every log line written during the poll names it.
/// </summary>
internal sealed class PollTelemetry : IDisposable
{
    private readonly FeedHubTelemetry telemetry;
    private readonly ILogger logger;
    private readonly Activity? span;
    private readonly IDisposable? idScope;
    private readonly long startedAt;
    private IDisposable? nameScope;
    private bool recorded;

    private PollTelemetry(FeedHubTelemetry telemetry, ILogger logger, Guid sourceId)
    {
        this.telemetry = telemetry;
        this.logger = logger;
        startedAt = Stopwatch.GetTimestamp();
        idScope = logger.BeginScope(new KeyValuePair<string, object?>[] { new("SourceId", sourceId) });
        span = FeedHubTelemetry.Spans.StartActivity("poll", ActivityKind.Internal);
        span?.SetTag(TelemetryTags.SourceId, sourceId.ToString());
    }

    public static PollTelemetry Start(FeedHubTelemetry telemetry, ILogger logger, Guid sourceId) => new(telemetry, logger, sourceId);

    public void Describe(Source source)
    {
        nameScope ??= logger.BeginScope(new KeyValuePair<string, object?>[] { new("SourceName", source.Name) });
        if (span is not null)
        {
            span.SetTag(TelemetryTags.SourceName, source.Name);
            if (Uri.TryCreate(source.Url, UriKind.Absolute, out var url))
            {
                span.SetTag(TelemetryTags.SourceHost, url.Host);
            }
        }
    }

    public void Completed(PollOutcome outcome)
    {
        var name = OutcomeName(outcome.Kind);
        Record(name, outcome.Failure);
        if (span is null)
        {
            return;
        }

        span.SetTag(TelemetryTags.Outcome, name);
        span.SetTag(TelemetryTags.ItemsNew, outcome.Added);
        span.SetTag(TelemetryTags.ItemsUpdated, outcome.Changed);
        span.SetTag(TelemetryTags.ItemsUnchanged, outcome.Unchanged);
        if (outcome.Failure is { } failure)
        {
            span.SetTag(TelemetryTags.Failure, failure);
            span.SetStatus(ActivityStatusCode.Error, failure);
        }
    }

    /// <summary>The poll threw (the database failed, say): an "error" outcome whose failure class is the exception's type.</summary>
    public void Threw(Exception exception)
    {
        var failure = exception is OperationCanceledException ? "Canceled" : exception.GetType().Name;
        Record("error", failure);
        if (span is null)
        {
            return;
        }

        span.SetTag(TelemetryTags.Outcome, "error");
        span.SetTag(TelemetryTags.Failure, failure);
        span.AddException(exception);
        span.SetStatus(ActivityStatusCode.Error, exception.Message);
    }

    /// <summary>The same words the poll-now API answers with.</summary>
    public static string OutcomeName(PollOutcomeKind kind) => kind switch
    {
        PollOutcomeKind.Skipped => "skipped",
        PollOutcomeKind.Unchanged => "unchanged",
        PollOutcomeKind.Fetched => "fetched",
        PollOutcomeKind.Failed => "failed",
        PollOutcomeKind.Deferred => "deferred",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private void Record(string outcome, string? failure)
    {
        if (recorded)
        {
            return;
        }

        recorded = true;
        var tags = new TagList { { TelemetryTags.Outcome, outcome } };
        if (failure is not null)
        {
            tags.Add(TelemetryTags.Failure, failure);
        }

        telemetry.Polls.Add(1, tags);
        telemetry.PollDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, tags);
    }

    public void Dispose()
    {
        span?.Dispose();
        nameScope?.Dispose();
        idScope?.Dispose();
    }
}
