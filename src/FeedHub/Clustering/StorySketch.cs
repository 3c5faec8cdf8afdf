namespace FeedHub.Clustering;

/// <summary>
/// A bottom-k MinHash sketch of a story's shingles: the <see cref="Size"/> least shingle hashes. Two stories
/// that share phrasing almost surely share some of these, so storage keeps them as an index of keys and finds
/// candidate stories by equality; unrelated stories rarely share any but their most common phrases.
/// </summary>
internal static class StorySketch
{
    /// <summary>
    /// 24 keep the labelled pairs' precision and recall of 48 (0.992 / 0.932; 16 lose a pair) at half the index
    /// rows and lookups per item. A bottom-k sketch is a prefix of any larger one, so items stored with 48 keys
    /// are still found by the 24 of a new item.
    /// </summary>
    public const int Size = 24;

    /// <summary>
    /// How many keys an item must share with a story of <paramref name="keyCount"/> keys to be worth comparing in
    /// full: one per 8 of its keys, and at most 4. Unrelated stories share one or two common phrases by chance;
    /// every labelled pair judged the same story shares more than this (StoryPairEvaluationTests checks), so the
    /// bar costs no match and spares the comparisons that never match.
    /// </summary>
    public static int MinSharedKeys(int keyCount) => Math.Clamp((keyCount + 7) / 8, 1, 4);

    public static long[] Of(IReadOnlyCollection<ulong> shingles)
    {
        ArgumentNullException.ThrowIfNull(shingles);
        var ordered = shingles.ToArray();
        Array.Sort(ordered);
        return [.. ordered.Take(Size).Select(hash => unchecked((long)hash))];
    }
}
