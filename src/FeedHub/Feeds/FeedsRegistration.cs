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

    public static void AddFeedsConsumers(this IBusRegistrationConfigurator bus) => bus.AddConsumer<MergedFeedInvalidator>();
}
