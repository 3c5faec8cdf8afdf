using MassTransit;

namespace FeedHub.Feeds;

internal static class FeedsRegistration
{
    public static IServiceCollection AddFeeds(this IServiceCollection services)
    {
        services.AddSingleton<MergedFeedCache>();
        services.AddSingleton<IMergedFeedSource, MergedFeedQuery>();
        return services;
    }

    /// <summary>
    /// Every api process keeps its own rendered feeds, so each needs every announcement: the invalidator
    /// listens on a temporary queue of its own instead of competing with the other processes for one.
    /// </summary>
    public static void AddFeedsConsumers(this IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<MergedFeedInvalidator>().Endpoint(endpoint =>
        {
            endpoint.InstanceId = $"-{Guid.NewGuid():N}";
            endpoint.Temporary = true;
        });
}
