using MassTransit;
using Microsoft.Extensions.Options;

namespace FeedHub.Feeds;

internal static class FeedsRegistration
{
    public static IServiceCollection AddFeeds(this IServiceCollection services)
    {
        services.AddOptions<FeedsOptions>()
            .Configure<IConfiguration>((options, configuration) =>
                options.Feeds = configuration.GetSection("FeedHub:Feeds").Get<List<MergedFeedDeclaration>>() ?? [])
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<FeedsOptions>, FeedsOptionsValidator>();

        // Edits to appsettings.json (or any reloading source) reach the feeds without a restart.
        services.AddSingleton<IOptionsChangeTokenSource<FeedsOptions>>(sp =>
            new ConfigurationChangeTokenSource<FeedsOptions>(sp.GetRequiredService<IConfiguration>()));
        services.AddHostedService<ConfiguredFeedsWatcher>();
        services.AddScoped<MergedFeedCatalog>();
        services.AddScoped<MergedFeedEditor>();
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
