namespace FeedHub.Clustering;

/// <summary>
/// One sketch key of a recent item (<see cref="StorySketch"/>): the index candidate stories are found by.
/// Kept only while the item is recent enough to be clustered with new ones.
/// </summary>
internal sealed class StoryKey
{
    public long Key { get; set; }
    public Guid ItemId { get; set; }
    public Guid SourceId { get; set; }

    /// <summary>The item's SortAt, so a lookup reads only keys of stories told near the same time.</summary>
    public DateTimeOffset SortAt { get; set; }
}
