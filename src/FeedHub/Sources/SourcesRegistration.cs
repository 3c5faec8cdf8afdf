using Microsoft.Extensions.Options;

namespace FeedHub.Sources;

internal static class SourcesRegistration
{
    public static IServiceCollection AddSources(this IServiceCollection services)
    {
        services.AddOptions<SourcesOptions>()
            .Configure<IConfiguration>((options, configuration) =>
                options.Sources = configuration.GetSection("FeedHub:Sources").Get<List<SourceDefinition>>() ?? [])
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SourcesOptions>, SourcesOptionsValidator>();
        services.AddSingleton<SourceTimeZones>();
        services.AddScoped<SourceCatalog>();
        services.AddScoped<SourceHealthRecorder>();
        return services;
    }
}
