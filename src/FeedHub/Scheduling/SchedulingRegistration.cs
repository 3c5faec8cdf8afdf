using FeedHub.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace FeedHub.Scheduling;

internal static class SchedulingRegistration
{
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulerOptions>().BindConfiguration("FeedHub:Scheduler").ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection("FeedHub:Scheduler").Get<SchedulerOptions>() ?? new SchedulerOptions();
        services.AddQuartz(quartz =>
        {
            quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = options.MaxConcurrentPolls);
            if (options.Clustered)
            {
                quartz.UsePersistentStore(store => UseClusteredStore(store, configuration, options));
            }
            else
            {
                quartz.UseInMemoryStore();
            }
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);

        // A worker whose scheduler stands by polls nothing: not ready, however healthy the rest is (Quartz says degraded).
        services.AddHealthChecks().AddQuartz(check =>
        {
            check.Name = "scheduler";
            check.Tags.Add("ready");
            check.StandbyStatus = HealthStatus.Unhealthy;
        });
        services.AddSingleton<PollPlanner>();
        services.AddSingleton<NextPollRecorder>();
        services.AddSingleton<ScheduleSynchronizer>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduleSynchronizer>());
        services.AddTransient<PollSourceJob>();
        return services;
    }

    /// <summary>
    /// Several workers share one schedule in the FeedHub database: each poll fires on exactly one node,
    /// and the polls of a node that dies are taken over by the others.
    /// </summary>
    private static void UseClusteredStore(IPersistentStoreBuilder store, IConfiguration configuration, SchedulerOptions options)
    {
        var database = configuration.GetSection("FeedHub:Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("FeedHub")
            ?? throw new InvalidOperationException("FeedHub:Scheduler:Clustered=true needs ConnectionStrings:FeedHub.");
        switch (database.Provider)
        {
            case DatabaseProvider.PostgreSql:
                store.UsePostgres(connectionString);
                break;
            case DatabaseProvider.SqlServer:
                store.UseSqlServer(connectionString);
                break;
            default:
                throw new InvalidOperationException(
                    "FeedHub:Scheduler:Clustered=true needs FeedHub:Database:Provider PostgreSql or SqlServer; an embedded SQLite database cannot be shared by several workers.");
        }

        store.ConfigureStore(ado =>
        {
            ado.MisfireThreshold = options.MisfireThreshold;
            ado.StoreJobDataAsStrings = true;
        });
        store.UseClustering(cluster =>
        {
            cluster.CheckinInterval = options.ClusterCheckinInterval;
            cluster.CheckinMisfireThreshold = options.ClusterCheckinInterval;
        });
        store.UseSystemTextJsonSerializer();

        // Quartz's own tables (qrtz_*) are created in the same database, idempotently, at start.
        store.ProvisionSchema();
    }
}
