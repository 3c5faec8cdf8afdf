using System.Net;
using System.Net.Sockets;

namespace FeedHub.Fetching;

/// <summary>
/// Which addresses a feed URL may lead to. A feed URL comes from an operator or an OPML file and a
/// redirect from anyone, so without this a "feed" could read the cloud metadata service or an
/// internal admin page (SSRF).
/// </summary>
internal static class NetworkAddressPolicy
{
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsPublicV6(address),
            _ => false,
        };
    }

    private static bool IsPublicV4(byte[] b) => !(
        b[0] == 0                                          // "this network"
        || b[0] == 10                                      // private
        || b[0] == 127                                     // loopback
        || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)      // carrier-grade NAT
        || (b[0] == 169 && b[1] == 254)                    // link-local, cloud metadata
        || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)       // private
        || (b[0] == 192 && b[1] == 168)                    // private
        || (b[0] == 192 && b[1] == 0 && b[2] == 0)         // IETF protocol assignments
        || (b[0] == 198 && (b[1] == 18 || b[1] == 19))     // benchmarking
        || b[0] >= 224);                                   // multicast, reserved, broadcast

    private static bool IsPublicV6(IPAddress address)
    {
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal
            || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        var isNat64 = bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b;
        return !isNat64 || IsPublicV4(bytes[12..]);
    }
}
