namespace FeedHub.Clustering;

/// <summary>
/// A fixed 64-bit hash: signatures are stored and compared across processes and releases, so neither
/// <see cref="string.GetHashCode()"/> (randomized per process) nor a library whose output may change can be used.
/// FNV-1a over the UTF-16 code units, then the SplitMix64 finalizer to spread FNV's weak low bits.
/// </summary>
internal static class StableHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    public static ulong Of(ReadOnlySpan<char> text)
    {
        var hash = FnvOffset;
        foreach (var c in text)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        return Mix(hash);
    }

    /// <summary>An order-sensitive combination, so "giá vàng" and "vàng giá" differ.</summary>
    public static ulong Combine(ulong first, ulong second) => Mix((first * 31UL) + second + 0x9E3779B97F4A7C15UL);

    /// <summary>The SplitMix64 finalizer: every input bit affects every output bit.</summary>
    public static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
