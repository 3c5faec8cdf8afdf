namespace FeedHub.Load;

/// <summary>SplitMix64: a fixed, well-spread hash, the same in every process, so farm, scenario and analysis agree without talking.</summary>
internal static class FarmHash
{
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <returns>The hash as a fraction in [0, 1).</returns>
    public static double Fraction(ulong x) => (x >> 11) * (1.0 / (1UL << 53));
}
