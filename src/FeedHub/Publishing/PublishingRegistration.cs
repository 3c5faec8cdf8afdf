namespace FeedHub.Publishing;

internal static class PublishingRegistration
{
    public static IServiceCollection AddPublishing(this IServiceCollection services)
    {
        services.AddOptions<PublishingOptions>().BindConfiguration("FeedHub:Publishing").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<OutboxDispatcher>();
        return services;
    }

    /// <summary>Only workers drain the outbox; api-only processes never publish.</summary>
    public static IServiceCollection AddOutboxPublisher(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue("FeedHub:Publishing:Enabled", defaultValue: true))
        {
            services.AddHostedService<OutboxPublisher>();
        }

        return services;
    }
}
