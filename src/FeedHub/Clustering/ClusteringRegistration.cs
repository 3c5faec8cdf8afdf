namespace FeedHub.Clustering;

internal static class ClusteringRegistration
{
    public static IServiceCollection AddClustering(this IServiceCollection services)
    {
        services.AddOptions<ClusteringOptions>().BindConfiguration(ClusteringOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<StoryClusterer>();
        return services;
    }
}
