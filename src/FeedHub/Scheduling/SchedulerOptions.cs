using System.ComponentModel.DataAnnotations;

namespace FeedHub.Scheduling;

/// <summary>Bound from <c>FeedHub:Scheduler</c>.</summary>
internal sealed class SchedulerOptions
{
    /// <summary>Interval for sources that name none.</summary>
    public TimeSpan DefaultInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Sources with neither an interval nor a cron schedule learn their publishing rhythm and are polled
    /// about once per new item, between <see cref="MinInterval"/> and <see cref="MaxInterval"/>; they start
    /// at <see cref="DefaultInterval"/> until they have items. False: they keep <see cref="DefaultInterval"/>.
    /// </summary>
    public bool Adaptive { get; set; } = true;

    /// <summary>Adaptive polling never comes sooner than this; unset, half the default interval.</summary>
    public TimeSpan? MinInterval { get; set; }

    /// <summary>Adaptive polling never waits longer than this, whatever the feed hints; unset, twelve default intervals.</summary>
    public TimeSpan? MaxInterval { get; set; }

    /// <summary>How far back adaptive polling looks to learn a source's rhythm.</summary>
    public TimeSpan RhythmWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A failing source waits twice as long after each failure in a row, up to this; it is never given up.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(6);

    /// <summary>A poll put off because its host was busy is tried again after about this long.</summary>
    public TimeSpan HostBusyRetry { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan EffectiveMinInterval => MinInterval ?? DefaultInterval / 2;

    public TimeSpan EffectiveMaxInterval => MaxInterval ?? DefaultInterval * 12;

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
