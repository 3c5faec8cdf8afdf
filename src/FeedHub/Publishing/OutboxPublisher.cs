using System.Runtime.ExceptionServices;
using FeedHub.Storage;
using FeedHub.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedHub.Publishing;

/// <summary>
/// Drains committed-but-unsent messages onto the bus, oldest first, and marks them sent. A message
/// published just before a crash is published again after it (at least once); its MessageId lets
/// consumers recognise the repeat.
/// </summary>
internal sealed partial class OutboxPublisher(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IOptions<PublishingOptions> options,
    FeedHubTelemetry telemetry,
    TimeProvider time,
    ILogger<OutboxPublisher> logger) : BackgroundService
{
    private readonly PublishingOptions options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retryDelay = TimeSpan.Zero;
        var nextPrune = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await DrainBatchAsync(stoppingToken).ConfigureAwait(false);
                if (retryDelay > TimeSpan.Zero)
                {
                    LogRecovered(logger);
                    retryDelay = TimeSpan.Zero;
                }

                if (time.GetUtcNow() >= nextPrune)
                {
                    await PruneSentAsync(stoppingToken).ConfigureAwait(false);
                    nextPrune = time.GetUtcNow().AddHours(1);
                }

                if (sent < options.BatchSize)
                {
                    await CountPendingAsync(stoppingToken).ConfigureAwait(false);
                    await signal.WaitAsync(options.SweepInterval, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The broker or database being down must not end the publisher: it retries.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                retryDelay = NextDelay(retryDelay);
                LogPublishFailed(logger, retryDelay, ex.Message, ex);

                // The broker being down is when the backlog matters most; the database may answer even so.
                await TryCountPendingAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(retryDelay, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Claims up to one batch, publishes it and marks it sent; returns how many were claimed. The claim
    /// keeps several workers from publishing the same rows; a claim whose worker died lapses.
    /// </summary>
    internal async Task<int> DrainBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedHubDbContext>();
        var dispatcher = scope.ServiceProvider.GetRequiredService<OutboxDispatcher>();

        var now = time.GetUtcNow();
        var claim = Guid.NewGuid();
        var claimedUntil = now + options.ClaimDuration;
        var claimed = await db.Outbox
            .Where(m => m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.Id)
            .Take(options.BatchSize)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.ClaimToken, claim).SetProperty(x => x.ClaimedUntil, claimedUntil), cancellationToken)
            .ConfigureAwait(false);
        if (claimed == 0)
        {
            return 0;
        }

        // Only rows still carrying our token: a worker that claimed the same rows a moment later owns them.
        var pending = await db.Outbox.AsNoTracking()
            .Where(m => m.ClaimToken == claim && m.SentAt == null)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);

        var sent = new List<OutboxMessage>(pending.Count);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.PublishTimeout);
        try
        {
            // The whole batch is handed to the broker at once: awaiting each publisher confirm before sending the
            // next made every message cost a broker round trip, which capped publishing far below storing under load.
            var publishes = pending.Select(message => PublishOneAsync(dispatcher, message, timeout.Token)).ToList();
            Exception? failure = null;
            for (var i = 0; i < publishes.Count; i++)
            {
                try
                {
                    await publishes[i].ConfigureAwait(false);
                    sent.Add(pending[i]);
                }
#pragma warning disable CA1031 // Every publish is awaited so none goes unobserved; the first failure is rethrown below.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    failure ??= ex;
                }
            }

            if (failure is not null)
            {
                ExceptionDispatchInfo.Throw(failure);
            }
        }
        finally
        {
            // Whatever went out before a failure is marked, so it is not sent again; the rest is
            // released at once, so the next attempt (here or on another worker) need not wait for the claim to lapse.
            if (sent.Count > 0)
            {
                var sentAt = time.GetUtcNow();
                var sentIds = sent.Select(m => m.Id).ToList();
                await db.Outbox.Where(m => sentIds.Contains(m.Id))
                    .ExecuteUpdateAsync(m => m.SetProperty(x => x.SentAt, sentAt), CancellationToken.None)
                    .ConfigureAwait(false);
                RecordLag(sent, sentAt);
            }

            if (sent.Count < pending.Count)
            {
                await db.Outbox.Where(m => m.ClaimToken == claim && m.SentAt == null)
                    .ExecuteUpdateAsync(m => m.SetProperty(x => x.ClaimToken, (Guid?)null).SetProperty(x => x.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None)
                    .ConfigureAwait(false);
            }
        }

        return claimed;
    }

    private void RecordLag(List<OutboxMessage> sent, DateTimeOffset sentAt)
    {
        foreach (var message in sent)
        {
            var lag = sentAt - message.CreatedAt;
            telemetry.PublishLag.Record(Math.Max(0, lag.TotalSeconds), new KeyValuePair<string, object?>(TelemetryTags.MessageType, message.MessageType));
        }
    }

    /// <summary>Once per drained backlog, not per scrape: the gauge reads the last count.</summary>
    private async Task CountPendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedHubDbContext>();
        telemetry.OutboxPendingIs(await db.Outbox.LongCountAsync(m => m.SentAt == null, cancellationToken).ConfigureAwait(false));
    }

    private async Task TryCountPendingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CountPendingAsync(cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A count is a nicety: the database being down too must not end the publisher.
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>A message that cannot even be handed over (an unknown type) fails its own task, not the batch's start.</summary>
    private static async Task PublishOneAsync(OutboxDispatcher dispatcher, OutboxMessage message, CancellationToken cancellationToken) =>
        await dispatcher.PublishAsync(message, cancellationToken).ConfigureAwait(false);

    private async Task PruneSentAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedHubDbContext>();
        var cutoff = time.GetUtcNow() - options.SentRetention;
        await db.Outbox.Where(m => m.SentAt != null && m.SentAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken)
            .ConfigureAwait(false);
    }

    private TimeSpan NextDelay(TimeSpan current)
    {
        var next = current == TimeSpan.Zero ? TimeSpan.FromSeconds(1) : current * 2;
        return next > options.MaxRetryDelay ? options.MaxRetryDelay : next;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing pending messages failed ({Reason}); retrying in {Delay}")]
    private static partial void LogPublishFailed(ILogger logger, TimeSpan delay, string reason, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Publishing pending messages works again")]
    private static partial void LogRecovered(ILogger logger);
}
