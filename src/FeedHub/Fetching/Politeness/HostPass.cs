namespace FeedHub.Fetching.Politeness;

/// <summary>Permission to send one request to a host; disposing it gives the host's slot back.</summary>
internal sealed class HostPass : IAsyncDisposable
{
    private readonly HostGate? _gate;
    private readonly string _host;
    private Lease? _lease;

    internal HostPass(HostGate? gate, string host, Lease? lease)
    {
        _gate = gate;
        _host = host;
        _lease = lease;
    }

    /// <summary>For when politeness is switched off, or the database could not be asked.</summary>
    public static HostPass Unlimited { get; } = new(null, string.Empty, null);

    public async ValueTask DisposeAsync()
    {
        if (_gate is not null && Interlocked.Exchange(ref _lease, null) is { } lease)
        {
            await _gate.ReleaseAsync(_host, lease).ConfigureAwait(false);
        }
    }

    internal sealed record Lease(int Slot, string Holder);
}
