using FeedHub.Feeds;
using MassTransit;

namespace FeedHub.Hosting;

internal static class BusRegistration
{
    public static IServiceCollection AddFeedHubBus(this IServiceCollection services, IConfiguration configuration, FeedHubRoles roles, Action<IBusRegistrationConfigurator>? configureBus)
    {
        var options = configuration.GetSection("FeedHub:Bus").Get<BusOptions>() ?? new BusOptions();
        services.AddSingleton(options);
        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();

            // A self-hosted service talks to its own broker only; MassTransit would otherwise report usage to its vendor.
            bus.DisableUsageTelemetry();
            if (roles.HasFlag(FeedHubRoles.Api))
            {
                bus.AddFeedsConsumers();
            }

            configureBus?.Invoke(bus);
            bus.AddConfigureEndpointsCallback((_, _, endpoint) => ConfigureRetries(endpoint));
            switch (options.Transport)
            {
                case BusTransport.RabbitMq:
                    bus.UsingRabbitMq((context, cfg) =>
                    {
                        var broker = options.RabbitMq;
                        cfg.Host(broker.Host, (ushort)broker.Port, broker.VirtualHost, host =>
                        {
                            host.Username(broker.Username);
                            host.Password(broker.Password);

                            // A publish completes only once the broker has taken the message; until then the outbox row stays pending.
                            host.PublisherConfirmation = true;
                        });
                        cfg.ConfigureEndpoints(context);
                    });
                    break;
                default:
                    bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
                    break;
            }
        });
        services.Configure<MassTransitHostOptions>(host =>
        {
            // The service must start, serve and keep polling while the broker is down; the outbox holds
            // what cannot be published yet.
            host.WaitUntilStarted = false;
            host.StopTimeout = TimeSpan.FromSeconds(30);
        });
        return services;
    }

    /// <summary>
    /// Transient failures are retried at once, then after growing pauses; a message that still fails
    /// goes to the endpoint's _error queue. (Broker-side delayed redelivery needs a RabbitMQ plugin
    /// that Debian does not ship, so the pauses are held in the consumer.)
    /// </summary>
    private static void ConfigureRetries(IReceiveEndpointConfigurator endpoint) =>
        endpoint.UseMessageRetry(retry => retry.Intervals(
            TimeSpan.FromMilliseconds(100),
            TimeSpan.FromSeconds(1),
            TimeSpan.FromSeconds(5),
            TimeSpan.FromSeconds(15),
            TimeSpan.FromSeconds(30)));
}
