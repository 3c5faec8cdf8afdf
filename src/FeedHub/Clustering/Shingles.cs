namespace FeedHub.Clustering;

/// <summary>
/// Hashes of every run of <c>size</c> consecutive words. Runs, rather than single words, make two texts that share
/// vocabulary (every gold-price report says "giá vàng SJC") differ unless they also share phrasing.
/// </summary>
internal static class Shingles
{
    public const int DefaultSize = 2;

    /// <returns>Distinct shingle hashes; a text shorter than one shingle gives its words as one shingle.</returns>
    public static HashSet<ulong> Of(IReadOnlyList<string> words, int size = DefaultSize)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var hashes = new ulong[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            hashes[i] = StableHash.Of(words[i]);
        }

        var shingles = new HashSet<ulong>(Math.Max(1, words.Count));
        var runs = Math.Max(words.Count - size + 1, words.Count > 0 ? 1 : 0);
        for (var start = 0; start < runs; start++)
        {
            var hash = (ulong)size;
            for (var i = start; i < Math.Min(start + size, words.Count); i++)
            {
                hash = StableHash.Combine(hash, hashes[i]);
            }

            shingles.Add(hash);
        }

        return shingles;
    }
}
