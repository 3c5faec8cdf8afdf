using System.ComponentModel.DataAnnotations;

namespace FeedHub.Scheduling;

/// <summary>Bound from <c>FeedHub:Scheduler</c>.</summary>
internal sealed class SchedulerOptions
{
    /// <summary>Interval for sources that name none.</summary>
    public TimeSpan DefaultInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Quartz's clustered store in the database, for several workers (PostgreSQL, SQL Server).</summary>
    public bool Clustered { get; set; }

    /// <summary>How often the schedule is compared with the stored sources, so changes made elsewhere apply without a restart.</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>New sources are first polled within this much of being seen, spread so a start-up is not one burst.</summary>
    public TimeSpan FirstPollSpread { get; set; } = TimeSpan.FromSeconds(3);

    [Range(1, 1000)]
    public int MaxConcurrentPolls { get; set; } = 16;

    /// <summary>A poll later than this is a misfire and runs at once; a dead node's polls are taken over within it.</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a clustered node reports alive; a node silent for about twice this is presumed dead.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(5);
}
