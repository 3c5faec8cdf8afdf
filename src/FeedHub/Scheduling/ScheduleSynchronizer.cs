using FeedHub.Sources;
using FeedHub.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace FeedHub.Scheduling;

/// <summary>
/// Makes the scheduler's jobs match the stored sources: one job per enabled source, none for the rest.
/// It runs at start, every <see cref="SchedulerOptions.SyncInterval"/>, and when nudged after a local
/// change, so a change made on any node reaches every node without a restart.
/// </summary>
internal sealed partial class ScheduleSynchronizer(
    ISchedulerFactory schedulers,
    IServiceScopeFactory scopes,
    PollPlanner planner,
    NextPollRecorder nextPolls,
    SourceTimeZones timeZones,
    IOptions<SchedulerOptions> options,
    TimeProvider time,
    ILogger<ScheduleSynchronizer> logger) : BackgroundService
{
    private readonly SemaphoreSlim nudge = new(0, 1);

    public void Nudge()
    {
        if (nudge.CurrentCount == 0)
        {
            try
            {
                nudge.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller nudged first; one sync covers both.
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SynchronizeAsync(stoppingToken).ConfigureAwait(false);
                await nudge.WaitAsync(options.Value.SyncInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A database hiccup must not stop scheduling for good; the next round retries.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogSyncFailed(logger, ex.Message, ex);
                await Task.Delay(options.Value.SyncInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    internal async Task SynchronizeAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var wanted = await LoadSchedulesAsync(cancellationToken).ConfigureAwait(false);
        var existing = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(PollSourceJob.Group), cancellationToken).ConfigureAwait(false);

        foreach (var stale in existing.Where(key => !wanted.ContainsKey(key)))
        {
            await scheduler.DeleteJob(stale, cancellationToken).ConfigureAwait(false);
        }

        int added = 0, changed = 0;
        var planned = new List<(Guid, PlannedPoll)>();
        foreach (var (key, schedule) in wanted)
        {
            var job = await scheduler.GetJobDetail(key, cancellationToken).ConfigureAwait(false);
            var triggers = await scheduler.GetTriggersOfJob(key, cancellationToken).ConfigureAwait(false);
            if (job is not null && ScheduleOf(job) == schedule && triggers.Count > 0)
            {
                continue;
            }

            _ = job is null ? added++ : changed++;
            await scheduler.AddJob(JobFor(key, schedule), AddJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
            if (triggers.Count > 0)
            {
                await scheduler.UnscheduleJobs([.. triggers.Select(t => t.Key)], cancellationToken).ConfigureAwait(false);
            }

            var first = planner.First(time.GetUtcNow());
            await scheduler.ScheduleJob(PollSourceJob.TriggerFor(key, first.At), new ScheduleJobOptions(), cancellationToken).ConfigureAwait(false);
            planned.Add((PollSourceJob.SourceIdOf(key), first));
        }

        await nextPolls.RecordAsync(planned, cancellationToken).ConfigureAwait(false);

        if (added + changed > 0 || existing.Count != wanted.Count)
        {
            LogSynchronized(logger, wanted.Count, added, changed, existing.Count(k => !wanted.ContainsKey(k)));
        }
    }

    public static SourceSchedule ScheduleOf(IJobDetail job)
    {
        var data = job.JobDataMap;
        var interval = data.GetString(SourceSchedule.IntervalKey);
        return new SourceSchedule(
            string.IsNullOrEmpty(interval) ? null : TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture),
            NullIfEmpty(data.GetString(SourceSchedule.CronKey)),
            data.GetString(SourceSchedule.TimeZoneKey) ?? "UTC");
    }

    private static IJobDetail JobFor(JobKey key, SourceSchedule schedule) => JobBuilder.Create<PollSourceJob>()
        .WithIdentity(key)
        .StoreDurably()

        // If the node running a poll dies, another node runs it again rather than dropping it.
        .RequestRecovery()
        .UsingJobData(SourceSchedule.IntervalKey, schedule.Interval?.ToString("c", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)
        .UsingJobData(SourceSchedule.CronKey, schedule.Cron ?? string.Empty)
        .UsingJobData(SourceSchedule.TimeZoneKey, schedule.TimeZone)
        .Build();

    private async Task<Dictionary<JobKey, SourceSchedule>> LoadSchedulesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedHubDbContext>();
        var sources = await db.Sources.AsNoTracking()
            .Where(s => s.Enabled && s.ArchivedAt == null)
            .Select(s => new { s.Id, s.Interval, s.Cron, s.TimeZone })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);

        return sources.ToDictionary(
            s => PollSourceJob.KeyFor(s.Id),
            s => new SourceSchedule(
                s.Interval,
                s.Cron is { } cron && CronSchedule.TryNormalize(cron, out var quartz, out _) ? quartz : null,
                s.TimeZone ?? timeZones.Default.Id));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule synchronized: {Sources} source(s), {Added} added, {Changed} changed, {Removed} removed")]
    private static partial void LogSynchronized(ILogger logger, int sources, int added, int changed, int removed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule synchronization failed ({Reason}); retrying")]
    private static partial void LogSyncFailed(ILogger logger, string reason, Exception exception);
}
