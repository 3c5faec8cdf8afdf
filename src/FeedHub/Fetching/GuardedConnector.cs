using System.Net;
using System.Net.Sockets;

namespace FeedHub.Fetching;

/// <summary>
/// Resolves and connects itself so the address check happens on the address actually dialled, for the
/// first request and for every redirect hop, with no window for DNS rebinding in between.
/// </summary>
internal sealed class GuardedConnector(bool allowPrivateNetworks)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);

        var allowed = allowPrivateNetworks ? addresses : [.. addresses.Where(NetworkAddressPolicy.IsPublic)];
        if (allowed.Length == 0)
        {
            throw new NetworkRefusedException(
                $"{host} resolves only to private, loopback or link-local addresses, which FeedHub:Fetching:AllowPrivateNetworks does not allow");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
