using System.ComponentModel.DataAnnotations;

namespace FeedHub.Clustering;

/// <summary>Options under <c>FeedHub:Clustering</c>.</summary>
internal sealed class ClusteringOptions
{
    public const string Section = "FeedHub:Clustering";

    /// <summary>Whether new items are matched with other sources' stories at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How far apart in time two items may be and still be one story; keys older than this are dropped.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How many candidates sharing the most sketch keys are compared in full.</summary>
    [Range(1, 1000)]
    public int MaxCandidates { get; set; } = 25;

    /// <summary>
    /// How many of the newest items are read per sketch key. A phrase every outlet uses ("theo thông tin từ")
    /// is a key of thousands of items and tells none of them apart; reading all of them made each lookup cost
    /// as much as the whole window. A story's own phrases are keys of few items, which are all read.
    /// </summary>
    [Range(1, 10_000)]
    public int CandidatesPerKey { get; set; } = 50;
}
