using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace FeedHub;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 5): the same name always gives the same id, so two workers, a
/// restart or a redelivery all agree on an item's id and on a message's id.
/// </summary>
internal static class DeterministicGuid
{
    private static readonly Guid FeedHubNamespace = new("8a3c1f4e-5b7d-4c2a-9e61-0f2d3b4a5c6e");

    public static Guid Create(string name) => Create(FeedHubNamespace, name);

    public static Guid Create(Guid namespaceId, string name)
    {
        // Names include operator-given URLs of any length: only short ones go on the stack.
        var size = 16 + Encoding.UTF8.GetMaxByteCount(name.Length);
        var rented = size > 1024 ? ArrayPool<byte>.Shared.Rent(size) : null;
        try
        {
            var input = rented is null ? stackalloc byte[size] : rented.AsSpan(0, size);
            namespaceId.TryWriteBytes(input, bigEndian: true, out _);
            var length = 16 + Encoding.UTF8.GetBytes(name, input[16..]);

            Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 specifies for version 5; this is an identifier, not security.
            SHA1.HashData(input[..length], hash);
#pragma warning restore CA5350
            hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
            hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
            return new Guid(hash[..16], bigEndian: true);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
