using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace FeedHub.Hosting;

/// <summary>
/// Runs <see cref="SyncAsync"/> whenever <typeparamref name="TOptions"/> change, once the edit has settled, so
/// editing appsettings.json needs no restart. Changes arriving during a sync are folded into one more sync.
/// </summary>
internal abstract class ConfigurationChangeWatcher<TOptions>(IOptionsMonitor<TOptions> options) : BackgroundService
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
        subscription = options.OnChange(_ => changes.Writer.TryWrite(true));
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        subscription?.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Applies the changed configuration; must not throw but on cancellation, or watching stops.</summary>
    protected abstract Task SyncAsync(CancellationToken cancellationToken);

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
}
