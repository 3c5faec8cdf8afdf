using System.Diagnostics;
using FeedHub.Fetching;
using FeedHub.Normalizing;
using FeedHub.Parsing;
using FeedHub.Publishing;
using FeedHub.Sources;
using FeedHub.Storage;
using Microsoft.EntityFrameworkCore;

namespace FeedHub;

/// <summary>
/// The pipeline, in order: fetch → parse → normalize → store (deduplicated, with the outbox) → publish.
/// Only this class knows the order; each stage knows nothing of the others.
/// </summary>
internal sealed partial class SourcePoller(
    FeedHubDbContext db,
    FeedFetcher fetcher,
    FeedParser parser,
    ItemNormalizer normalizer,
    ItemStore items,
    SourceHealthRecorder health,
    SourceTimeZones timeZones,
    OutboxSignal outbox,
    TimeProvider time,
    ILogger<SourcePoller> logger)
{
    public async Task<PollOutcome> PollAsync(Guid sourceId, CancellationToken cancellationToken)
    {
        var source = await db.Sources.FirstOrDefaultAsync(s => s.Id == sourceId, cancellationToken).ConfigureAwait(false);
        if (source is not { Enabled: true, ArchivedAt: null })
        {
            return PollOutcome.Skipped;
        }

        var outcome = await fetcher.FetchAsync(source.FetchRequest(), cancellationToken).ConfigureAwait(false) switch
        {
            FetchResult.NotModified notModified => await RecordUnchangedAsync(source, notModified, cancellationToken).ConfigureAwait(false),
            FetchResult.Failed failed => await RecordFailureAsync(source, failed.Failure.ToString(), failed.Detail, failed.StatusCode, cancellationToken).ConfigureAwait(false),
            FetchResult.Fetched fetched => await ProcessAsync(source, fetched, cancellationToken).ConfigureAwait(false),
            _ => throw new UnreachableException(),
        };

        // Outbox rows were committed with the poll (items, or a health change): publish them now.
        outbox.Notify();
        return outcome;
    }

    private async Task<PollOutcome> ProcessAsync(Source source, FetchResult.Fetched fetched, CancellationToken cancellationToken)
    {
        var context = new ParseContext(fetched.FinalUrl, timeZones.For(source), time.GetUtcNow(), fetched.ContentType);
        return parser.Parse(fetched.Body, context) switch
        {
            FeedParseResult.Rejected rejected => await RecordFailureAsync(source, "NotAFeed", rejected.Reason, fetched.StatusCode, cancellationToken).ConfigureAwait(false),
            FeedParseResult.Parsed parsed => await StoreAsync(source, fetched, normalizer.Normalize(parsed.Feed, fetched.FinalUrl), cancellationToken).ConfigureAwait(false),
            _ => throw new UnreachableException(),
        };
    }

    private async Task<PollOutcome> StoreAsync(Source source, FetchResult.Fetched fetched, NormalizedFeed feed, CancellationToken cancellationToken)
    {
        source.ETag = ColumnLimits.DropIfLonger(fetched.Validators.ETag, ColumnLimits.ETag);
        source.LastModified = ColumnLimits.DropIfLonger(fetched.Validators.LastModified, ColumnLimits.LastModified);
        source.FeedTitle = ColumnLimits.Shorten(feed.Title, ColumnLimits.FeedTitle) ?? source.FeedTitle;
        source.SiteLink = ColumnLimits.DropIfLonger(feed.Link?.AbsoluteUri, ColumnLimits.Url) ?? source.SiteLink;
        source.FeedLanguage = ColumnLimits.DropIfLonger(feed.Language?.Trim(), ColumnLimits.Language) ?? source.FeedLanguage;
        health.Succeeded(source, fetched.StatusCode);

        var stored = await items.SaveAsync(source, feed.Items, cancellationToken).ConfigureAwait(false);
        if (stored.Added + stored.Changed > 0)
        {
            LogStored(logger, source.Name, source.Id, stored.Added, stored.Changed);
        }

        return new PollOutcome(PollOutcomeKind.Fetched, stored.Added, stored.Changed);
    }

    private async Task<PollOutcome> RecordUnchangedAsync(Source source, FetchResult.NotModified notModified, CancellationToken cancellationToken)
    {
        source.ETag = ColumnLimits.DropIfLonger(notModified.Validators.ETag, ColumnLimits.ETag) ?? source.ETag;
        source.LastModified = ColumnLimits.DropIfLonger(notModified.Validators.LastModified, ColumnLimits.LastModified) ?? source.LastModified;
        health.Succeeded(source, StatusCodes.Status304NotModified);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return PollOutcome.Unchanged;
    }

    private async Task<PollOutcome> RecordFailureAsync(Source source, string failure, string detail, int? statusCode, CancellationToken cancellationToken)
    {
        LogPollFailed(logger, source.Name, source.Id, failure, detail);
        health.Failed(source, failure, detail, statusCode);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new PollOutcome(PollOutcomeKind.Failed, Failure: failure);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll of {SourceName} ({SourceId}) failed: {Failure}: {Detail}")]
    private static partial void LogPollFailed(ILogger logger, string sourceName, Guid sourceId, string failure, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Polled {SourceName} ({SourceId}): {Added} new, {Changed} changed")]
    private static partial void LogStored(ILogger logger, string sourceName, Guid sourceId, int added, int changed);
}
