using FeedHub.Normalizing;
using FeedHub.Parsing;
using FeedHub.Publishing;
using FeedHub.Sources;
using FeedHub.Storage;
using Microsoft.EntityFrameworkCore;

namespace FeedHub.Push;

/// <summary>
/// Takes a hub's content distribution for one source through the same parse → normalize → store path as a
/// poll. The source's poll health is left alone: a push says nothing about whether its URL answers.
/// </summary>
internal sealed partial class PushedContentReceiver(
    FeedHubDbContext db,
    FeedParser parser,
    ItemNormalizer normalizer,
    ItemStore items,
    SourceTimeZones timeZones,
    OutboxSignal outbox,
    TimeProvider time,
    ILogger<PushedContentReceiver> logger)
{
    public async Task<PushOutcome> ReceiveAsync(Guid sourceId, byte[] body, string? contentType, string? signature, CancellationToken cancellationToken)
    {
        var subscription = await db.WebSubSubscriptions.FirstOrDefaultAsync(s => s.SourceId == sourceId, cancellationToken).ConfigureAwait(false);
        var source = subscription is null ? null : await db.Sources.FirstOrDefaultAsync(s => s.Id == sourceId, cancellationToken).ConfigureAwait(false);
        if (subscription is null || source is not { Enabled: true, ArchivedAt: null })
        {
            return PushOutcome.Unknown;
        }

        if (!HubSignature.IsValid(signature, body, subscription.Secret))
        {
            LogBadSignature(logger, sourceId, subscription.Hub);
            return PushOutcome.BadSignature;
        }

        var feedUrl = new Uri(subscription.Topic);
        var parsed = parser.Parse(body, new ParseContext(feedUrl, timeZones.For(source), time.GetUtcNow(), contentType));
        if (parsed is not FeedParseResult.Parsed { Feed: var feed })
        {
            LogNotAFeed(logger, sourceId, subscription.Hub);
            return PushOutcome.NotAFeed;
        }

        subscription.LastContentAt = time.GetUtcNow();
        var stored = await items.SaveAsync(source, normalizer.Normalize(feed, feedUrl).Items, cancellationToken).ConfigureAwait(false);
        outbox.Notify();
        LogReceived(logger, source.Name, sourceId, stored.Added, stored.Changed);
        return new PushOutcome(PushOutcomeKind.Stored, stored.Added);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WebSub content for source {SourceId} from {Hub} ignored: the signature does not match the subscription's secret")]
    private static partial void LogBadSignature(ILogger logger, Guid sourceId, string hub);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WebSub content for source {SourceId} from {Hub} ignored: it is not a feed")]
    private static partial void LogNotAFeed(ILogger logger, Guid sourceId, string hub);

    [LoggerMessage(Level = LogLevel.Information, Message = "WebSub push for {SourceName} ({SourceId}): {Added} new, {Changed} changed")]
    private static partial void LogReceived(ILogger logger, string sourceName, Guid sourceId, int added, int changed);
}

internal sealed record PushOutcome(PushOutcomeKind Kind, int Added = 0)
{
    public static PushOutcome Unknown { get; } = new(PushOutcomeKind.Unknown);
    public static PushOutcome BadSignature { get; } = new(PushOutcomeKind.BadSignature);
    public static PushOutcome NotAFeed { get; } = new(PushOutcomeKind.NotAFeed);
}

internal enum PushOutcomeKind
{
    Unknown,
    BadSignature,
    NotAFeed,
    Stored,
}
