using FeedHub.Hosting;
using FeedHub.Scheduling;
using Microsoft.Extensions.Options;

namespace FeedHub.Sources;

/// <summary>
/// Re-syncs the configured sources when the configuration changes, and has the schedule follow at
/// once, so editing appsettings.json needs no restart. A change that fails validation is refused and
/// the sources stay as they were.
/// </summary>
internal sealed partial class ConfiguredSourcesWatcher(
    IOptionsMonitor<SourcesOptions> sources,
    IServiceScopeFactory scopes,
    IServiceProvider services,
    ILogger<ConfiguredSourcesWatcher> logger) : ConfigurationChangeWatcher<SourcesOptions>(sources)
{
    protected override async Task SyncAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SourceCatalog>().SyncConfiguredAsync(cancellationToken).ConfigureAwait(false);
            services.GetService<ScheduleSynchronizer>()?.Nudge();
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Changed source configuration refused, sources left as they were: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Syncing changed source configuration failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason, Exception exception);
}
