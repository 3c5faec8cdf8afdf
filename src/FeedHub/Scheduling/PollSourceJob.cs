using Quartz;

namespace FeedHub.Scheduling;

/// <summary>
/// One durable job per source. Each run schedules the next one, which lets every poll pick its own
/// time (jitter, the source's rhythm, backoff, the server's Retry-After) and keeps a source from running twice at once.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class PollSourceJob(SourcePoller poller, PollPlanner planner, NextPollRecorder nextPolls, TimeProvider time) : IJob
{
    public const string Group = "poll";

    public static JobKey KeyFor(Guid sourceId) => new(sourceId.ToString("N"), Group);

    public static Guid SourceIdOf(JobKey job) => Guid.ParseExact(job.Name, "N");

    public static ITrigger TriggerFor(JobKey job, DateTimeOffset fireAt) => TriggerBuilder.Create()
        .WithIdentity($"{job.Name}-{fireAt.UtcTicks}", Group)
        .ForJob(job)
        .StartAt(fireAt)
        .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
        .Build();

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var sourceId = SourceIdOf(context.JobDetail.Key);
        var feedback = PollFeedback.None;
        try
        {
            feedback = (await poller.PollAsync(sourceId, cancellationToken).ConfigureAwait(false)).Feedback;
        }
        finally
        {
            await ScheduleNextAsync(context, feedback, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ScheduleNextAsync(IJobExecutionContext context, PollFeedback feedback, CancellationToken cancellationToken)
    {
        var job = context.JobDetail.Key;

        // Stopping: the next poll is planned by whichever node (or restart) runs the schedule next.
        if (cancellationToken.IsCancellationRequested
            || await context.Scheduler.GetStatus(cancellationToken).ConfigureAwait(false) is not (SchedulerStatus.Running or SchedulerStatus.Standby))
        {
            return;
        }

        // The synchronizer replaces triggers when the schedule changes; if it already has, leave it be.
        var triggers = await context.Scheduler.GetTriggersOfJob(job, cancellationToken).ConfigureAwait(false);
        if (triggers.Any(t => !t.Key.Equals(context.Trigger.Key)) || !await context.Scheduler.Exists(job, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var schedule = ScheduleSynchronizer.ScheduleOf(context.JobDetail);
        var next = planner.Next(schedule, feedback, context.ScheduledFireTimeUtc ?? context.FireTimeUtc, time.GetUtcNow());
        await context.Scheduler.ScheduleJob(TriggerFor(job, next.At), new ScheduleJobOptions(), cancellationToken).ConfigureAwait(false);
        await nextPolls.RecordAsync([(SourceIdOf(job), next)], cancellationToken).ConfigureAwait(false);
    }
}
