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
}
