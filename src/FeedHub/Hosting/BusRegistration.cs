using FeedHub.Feeds;
using MassTransit;

namespace FeedHub.Hosting;

internal static class BusRegistration
{
    public static IServiceCollection AddFeedHubBus(this IServiceCollection services, IConfiguration configuration, FeedHubRoles roles, Action<IBusRegistrationConfigurator>? configureBus)
    {
        var transport = configuration["FeedHub:Bus:Transport"];
        if (!string.IsNullOrEmpty(transport) && !string.Equals(transport, "InMemory", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"FeedHub:Bus:Transport '{transport}' is not available in this build; use InMemory.");
        }

        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            if (roles.HasFlag(FeedHubRoles.Api))
            {
                bus.AddFeedsConsumers();
            }

            configureBus?.Invoke(bus);
            bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
        });
        services.Configure<MassTransitHostOptions>(host =>
        {
            host.WaitUntilStarted = true;
            host.StopTimeout = TimeSpan.FromSeconds(30);
        });
        return services;
    }
}
