using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace FeedHub.Feeds;

/// <summary>
/// Re-syncs the configured merged feeds when the configuration changes, so editing appsettings.json
/// needs no restart. A change that fails validation is refused and the feeds stay as they were.
/// </summary>
internal sealed partial class ConfiguredFeedsWatcher(
    IOptionsMonitor<FeedsOptions> feeds,
    IServiceScopeFactory scopes,
    ILogger<ConfiguredFeedsWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(500);

    private readonly Channel<bool> changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private IDisposable? subscription;

    /// <summary>
    /// Subscribes before the host reports it has started: ExecuteAsync runs on the thread pool, and a change made
    /// as soon as the host is up was missed when the subscription waited for it.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = feeds.OnChange(_ => changes.Writer.TryWrite(true));
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        subscription?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var _ in changes.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                // Editors save in several writes; read the file once it has settled.
                await Task.Delay(Settle, stoppingToken).ConfigureAwait(false);
                await SyncAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task SyncAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<MergedFeedCatalog>().SyncConfiguredAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OptionsValidationException ex)
        {
            LogRejected(logger, ex.Message);
        }
#pragma warning disable CA1031 // A failed re-sync (database briefly down) must not stop watching; the next change retries.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex.Message, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Changed feed configuration refused, merged feeds left as they were: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Syncing changed feed configuration failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason, Exception exception);
}
