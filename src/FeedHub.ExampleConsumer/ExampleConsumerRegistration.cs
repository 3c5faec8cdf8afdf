using MassTransit;

namespace FeedHub.ExampleConsumer;

public static class ExampleConsumerRegistration
{
    /// <summary>
    /// Subscribes to FeedHub's items on RabbitMQ. MassTransit creates the queue "new-item-logger" and
    /// binds it to the fanout exchange "FeedHub.Contracts:FeedItemPublished"; the queue outlives the
    /// process, so nothing published while the service is down is missed.
    /// </summary>
    public static IServiceCollection AddExampleConsumer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<RecentMessageIds>();
        services.AddSingleton<IItemHandler, LoggingItemHandler>();
        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();

            // A self-hosted service talks to its own broker only; MassTransit would otherwise report usage to its vendor.
            bus.DisableUsageTelemetry();
            bus.AddConsumer<NewItemLogger>();
            bus.UsingRabbitMq((context, cfg) =>
            {
                var broker = configuration.GetSection("RabbitMq");
                cfg.Host(broker["Host"] ?? "localhost", broker.GetValue<ushort>("Port", 5672), broker["VirtualHost"] ?? "/", host =>
                {
                    host.Username(broker["Username"] ?? "guest");
                    host.Password(broker["Password"] ?? "guest");
                });
                cfg.UseMessageRetry(retry => retry.Intervals(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15)));
                cfg.ConfigureEndpoints(context);
            });
        });
        return services;
    }
}
