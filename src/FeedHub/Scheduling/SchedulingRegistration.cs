using Quartz;

namespace FeedHub.Scheduling;

internal static class SchedulingRegistration
{
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulerOptions>().BindConfiguration("FeedHub:Scheduler").ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection("FeedHub:Scheduler").Get<SchedulerOptions>() ?? new SchedulerOptions();
        if (options.Clustered)
        {
            throw new InvalidOperationException("FeedHub:Scheduler:Clustered=true needs PostgreSQL or SQL Server, which this build does not support yet.");
        }

        services.AddQuartz(quartz =>
        {
            quartz.UseInMemoryStore();
            quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = options.MaxConcurrentPolls);
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        services.AddSingleton<PollPlanner>();
        services.AddSingleton<ScheduleSynchronizer>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduleSynchronizer>());
        services.AddTransient<PollSourceJob>();
        return services;
    }
}
