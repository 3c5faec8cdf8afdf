using FeedHub.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedHub.Push;

/// <summary>Renews active WebSub leases before they run out, so pushes keep coming however rarely the source is polled.</summary>
internal sealed partial class WebSubLeaseRenewer(
    IServiceScopeFactory scopes, IOptions<WebSubOptions> options, TimeProvider time, ILogger<WebSubLeaseRenewer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RenewDueAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(options.Value.RenewalSweep, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A database hiccup must not end renewals for good; the next sweep retries.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogSweepFailed(logger, ex.Message, ex);
                await Task.Delay(options.Value.RenewalSweep, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    internal async Task RenewDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedHubDbContext>();
        var subscriber = scope.ServiceProvider.GetRequiredService<WebSubSubscriber>();
        var now = time.GetUtcNow();
        var horizon = now + options.Value.RenewBefore;
        var candidates = await db.WebSubSubscriptions
            .Where(s => s.State == WebSubState.Active && s.LeaseUntil != null && s.LeaseUntil < horizon)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var subscription in candidates.Where(s => subscriber.IsDue(s, now)))
        {
            await subscriber.RequestAsync(subscription, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WebSub lease renewal failed ({Reason}); retrying at the next sweep")]
    private static partial void LogSweepFailed(ILogger logger, string reason, Exception exception);
}
