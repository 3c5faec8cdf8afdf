using System.Diagnostics;
using FeedHub.Extracting;
using FeedHub.Fetching;
using FeedHub.Fetching.Politeness;
using FeedHub.Normalizing;
using FeedHub.Parsing;
using FeedHub.Parsing.Listing;
using FeedHub.Publishing;
using FeedHub.Push;
using FeedHub.Scheduling;
using FeedHub.Sources;
using FeedHub.Storage;
using FeedHub.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedHub;

/// <summary>
/// The pipeline, in order: wait for the host's turn → fetch → parse → normalize → article pages (full-content
/// sources only) → store (deduplicated, with the outbox) → publish. Only this class knows the order; each stage
/// knows nothing of the others.
/// </summary>
internal sealed partial class SourcePoller(
    FeedHubDbContext db,
    HostGate hosts,
    PoliteFetcher fetcher,
    FeedParser parser,
    HtmlListingReader listings,
    ItemNormalizer normalizer,
    FullContentFetcher fullContent,
    ItemStore items,
    SourceHealthRecorder health,
    SourceAddressKeeper addresses,
    WebSubSubscriber push,
    SourceTimeZones timeZones,
    OutboxSignal outbox,
    IOptions<SchedulerOptions> scheduling,
    IOptions<FetchingOptions> fetching,
    FeedHubTelemetry telemetry,
    TimeProvider time,
    ILogger<SourcePoller> logger)
{
    /// <summary>Polls as the scheduler does, waiting up to <see cref="FetchingOptions.HostWaitLimit"/> for the host's turn.</summary>
    public Task<PollOutcome> PollAsync(Guid sourceId, CancellationToken cancellationToken) =>
        PollAsync(sourceId, fetching.Value.HostWaitLimit, cancellationToken);

    /// <summary>Polls, waiting at most <paramref name="hostWait"/> for the host's turn before answering "deferred".</summary>
    public async Task<PollOutcome> PollAsync(Guid sourceId, TimeSpan hostWait, CancellationToken cancellationToken)
    {
        using var report = PollTelemetry.Start(telemetry, logger, sourceId);
        try
        {
            var outcome = await PollCoreAsync(sourceId, hostWait, report, cancellationToken).ConfigureAwait(false);
            report.Completed(outcome);
            return outcome;
        }
        catch (Exception ex)
        {
            report.Threw(ex);
            throw;
        }
    }

    private async Task<PollOutcome> PollCoreAsync(Guid sourceId, TimeSpan hostWait, PollTelemetry report, CancellationToken cancellationToken)
    {
        var source = await db.Sources.FirstOrDefaultAsync(s => s.Id == sourceId, cancellationToken).ConfigureAwait(false);
        if (source is not { Enabled: true, ArchivedAt: null })
        {
            return PollOutcome.Skipped;
        }

        report.Describe(source);

        var fetched = await fetcher.FetchAsync(source.FetchRequest(), hostWait, cancellationToken).ConfigureAwait(false);
        if (fetched is null)
        {
            var url = new Uri(source.Url);
            LogHostBusy(logger, source.Name, source.Id, HostGate.HostOf(url));
            return PollOutcome.HostBusy(await hosts.NextTurnAsync(url, cancellationToken).ConfigureAwait(false));
        }

        var outcome = fetched switch
        {
            FetchResult.NotModified notModified => await RecordUnchangedAsync(source, notModified, cancellationToken).ConfigureAwait(false),
            FetchResult.Failed failed => await RecordFetchFailureAsync(source, failed, cancellationToken).ConfigureAwait(false),
            FetchResult.Fetched body => await ProcessAsync(source, body, cancellationToken).ConfigureAwait(false),
            _ => throw new UnreachableException(),
        };

        // Outbox rows were committed with the poll (items, or a health change): publish them now.
        outbox.Notify();
        return outcome with { Feedback = await FeedbackAsync(source, fetched, outcome, cancellationToken).ConfigureAwait(false) };
    }

    private async Task<PollOutcome> ProcessAsync(Source source, FetchResult.Fetched fetched, CancellationToken cancellationToken)
    {
        var context = new ParseContext(fetched.FinalUrl, timeZones.For(source), time.GetUtcNow(), fetched.ContentType);
        var result = source.Listing is { } listing
            ? listings.Read(fetched.Body, fetched.ContentType, listing.ToSelectors(), context)
            : parser.Parse(fetched.Body, context);
        return result switch
        {
            FeedParseResult.Rejected rejected => await RecordFailureAsync(source, "NotAFeed", rejected.Explained, fetched.StatusCode, cancellationToken).ConfigureAwait(false),

            // A listing whose selectors find nothing is a site that changed its layout: the operator must hear of it.
            FeedParseResult.Parsed { Feed.Items.Count: 0 } empty when source.Listing is not null =>
                await RecordFailureAsync(source, "NotAFeed", string.Join("; ", empty.Feed.Warnings), fetched.StatusCode, cancellationToken).ConfigureAwait(false),
            FeedParseResult.Parsed parsed => await StoreAsync(source, fetched, parsed.Feed, cancellationToken).ConfigureAwait(false),
            _ => throw new UnreachableException(),
        };
    }

    private async Task<PollOutcome> StoreAsync(Source source, FetchResult.Fetched fetched, ParsedFeed parsed, CancellationToken cancellationToken)
    {
        var feed = normalizer.Normalize(parsed, fetched.FinalUrl);
        source.ETag = ColumnLimits.DropIfLonger(fetched.Validators.ETag, ColumnLimits.ETag);
        source.LastModified = ColumnLimits.DropIfLonger(fetched.Validators.LastModified, ColumnLimits.LastModified);
        source.FeedTitle = ColumnLimits.Shorten(feed.Title, ColumnLimits.FeedTitle) ?? source.FeedTitle;
        source.SiteLink = ColumnLimits.DropIfLonger(feed.Link?.AbsoluteUri, ColumnLimits.Url) ?? source.SiteLink;
        source.FeedLanguage = ColumnLimits.DropIfLonger(feed.Language?.Trim(), ColumnLimits.Language) ?? source.FeedLanguage;
        source.PollHints = parsed.PollHints;
        await addresses.NoteAsync(source, fetched.Answer.MovedPermanentlyTo, cancellationToken).ConfigureAwait(false);
        health.Succeeded(source, fetched.StatusCode);

        var complete = source.FullContent ? await WithFullContentAsync(source, feed.Items, cancellationToken).ConfigureAwait(false) : feed.Items;
        var stored = await items.SaveAsync(source, complete, cancellationToken).ConfigureAwait(false);
        if (stored.Added + stored.Changed > 0)
        {
            LogStored(logger, source.Name, source.Id, stored.Added, stored.Changed);
        }

        // After the items are safe: asking a hub can take a while and must never cost a poll.
        await push.NoteAdvertisedHubAsync(source.Id, fetched.FinalUrl, parsed.Hub, parsed.Self, cancellationToken).ConfigureAwait(false);

        return new PollOutcome(PollOutcomeKind.Fetched, stored.Added, stored.Changed) { Unchanged = stored.Unchanged };
    }

    /// <summary>Only items the store would write get a page: an unchanged item keeps the full text it was stored with.</summary>
    private async Task<IReadOnlyList<NormalizedItem>> WithFullContentAsync(Source source, IReadOnlyList<NormalizedItem> feedItems, CancellationToken cancellationToken)
    {
        var unsaved = await items.UnsavedKeysAsync(source, feedItems, cancellationToken).ConfigureAwait(false);
        return await fullContent.CompleteAsync(source, feedItems, unsaved, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PollOutcome> RecordUnchangedAsync(Source source, FetchResult.NotModified notModified, CancellationToken cancellationToken)
    {
        source.ETag = ColumnLimits.DropIfLonger(notModified.Validators.ETag, ColumnLimits.ETag) ?? source.ETag;
        source.LastModified = ColumnLimits.DropIfLonger(notModified.Validators.LastModified, ColumnLimits.LastModified) ?? source.LastModified;
        await addresses.NoteAsync(source, notModified.Answer.MovedPermanentlyTo, cancellationToken).ConfigureAwait(false);
        health.Succeeded(source, StatusCodes.Status304NotModified);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new PollOutcome(PollOutcomeKind.Unchanged);
    }

    private Task<PollOutcome> RecordFetchFailureAsync(Source source, FetchResult.Failed failed, CancellationToken cancellationToken)
    {
        var detail = failed.Detail;
        if (failed.Failure == FetchFailure.Gone)
        {
            // 410 is the publisher saying the feed is gone for good; polling on would only hammer them.
            source.Enabled = false;
            source.DisabledReason = ColumnLimits.Shorten($"disabled by FeedHub: the server answered 410 Gone at {time.GetUtcNow():u}; enable the source again if it comes back", ColumnLimits.Error);
            detail += "; the source is disabled until an operator enables it again";
            LogGone(logger, source.Name, source.Id, source.Url);
        }

        return RecordFailureAsync(source, failed.Failure.ToString(), detail, failed.StatusCode, cancellationToken);
    }

    private async Task<PollOutcome> RecordFailureAsync(Source source, string failure, string detail, int? statusCode, CancellationToken cancellationToken)
    {
        LogPollFailed(logger, source.Name, source.Id, failure, detail);
        health.Failed(source, failure, detail, statusCode);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new PollOutcome(PollOutcomeKind.Failed, Failure: failure);
    }

    private async Task<PollFeedback> FeedbackAsync(Source source, FetchResult fetched, PollOutcome outcome, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var adaptive = scheduling.Value.Adaptive && source.Interval is null && source.Cron is null;
        var rhythm = adaptive
            ? await PublishingRhythm.MeasureAsync(db, source.Id, scheduling.Value.RhythmWindow, now, cancellationToken).ConfigureAwait(false)
            : null;

        // A hub that pushes is trusted to, until a poll finds items it did not push: then the hub has gone quiet.
        var subscription = adaptive ? await db.WebSubSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.SourceId == source.Id, cancellationToken).ConfigureAwait(false) : null;
        var pushActive = subscription?.IsActive(now) == true && outcome.Added == 0;
        return new PollFeedback(
            source.Health.ConsecutiveFailures,
            (fetched as FetchResult.Failed)?.RetryAfter,
            fetched switch
            {
                FetchResult.Fetched body => body.Answer.FreshFor,
                FetchResult.NotModified notModified => notModified.Answer.FreshFor,
                _ => null,
            },
            source.PollHints,
            rhythm)
        { PushActive = pushActive };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll of {SourceName} ({SourceId}) failed: {Failure}: {Detail}")]
    private static partial void LogPollFailed(ILogger logger, string sourceName, Guid sourceId, string failure, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Polled {SourceName} ({SourceId}): {Added} new, {Changed} changed")]
    private static partial void LogStored(ILogger logger, string sourceName, Guid sourceId, int added, int changed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {SourceName} ({SourceId}) at {Url} answered 410 Gone and is disabled")]
    private static partial void LogGone(ILogger logger, string sourceName, Guid sourceId, string url);

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll of {SourceName} ({SourceId}) put off: {Host} had no free turn in time")]
    private static partial void LogHostBusy(ILogger logger, string sourceName, Guid sourceId, string host);
}
