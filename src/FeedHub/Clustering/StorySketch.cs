namespace FeedHub.Clustering;

/// <summary>
/// A bottom-k MinHash sketch of a story's shingles: the <see cref="Size"/> least shingle hashes. Two stories
/// that share phrasing almost surely share some of these, so storage keeps them as an index of keys and finds
/// candidate stories by equality; unrelated stories rarely share any but their most common phrases.
/// </summary>
internal static class StorySketch
{
    public const int Size = 48;

    public static long[] Of(IReadOnlyCollection<ulong> shingles)
    {
        ArgumentNullException.ThrowIfNull(shingles);
        var ordered = shingles.ToArray();
        Array.Sort(ordered);
        return [.. ordered.Take(Size).Select(hash => unchecked((long)hash))];
    }
}
