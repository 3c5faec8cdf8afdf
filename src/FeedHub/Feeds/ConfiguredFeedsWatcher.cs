using FeedHub.Hosting;
using Microsoft.Extensions.Options;

namespace FeedHub.Feeds;

/// <summary>
/// Re-syncs the configured merged feeds when the configuration changes, so editing appsettings.json
/// needs no restart. A change that fails validation is refused and the feeds stay as they were.
/// </summary>
internal sealed partial class ConfiguredFeedsWatcher(
    IOptionsMonitor<FeedsOptions> feeds,
    IServiceScopeFactory scopes,
    ILogger<ConfiguredFeedsWatcher> logger) : ConfigurationChangeWatcher<FeedsOptions>(feeds)
{
    protected override async Task SyncAsync(CancellationToken cancellationToken)
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
