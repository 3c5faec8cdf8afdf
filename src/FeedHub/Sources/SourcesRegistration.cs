using FeedHub.Sources.Opml;
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

        // Edits to appsettings.json (or any reloading source) reach the sources without a restart.
        services.AddSingleton<IOptionsChangeTokenSource<SourcesOptions>>(sp =>
            new ConfigurationChangeTokenSource<SourcesOptions>(sp.GetRequiredService<IConfiguration>()));
        services.AddHostedService<ConfiguredSourcesWatcher>();
        services.AddSingleton<SourceTimeZones>();
        services.AddScoped<SourceCatalog>();
        services.AddScoped<SourceHealthRecorder>();
        services.AddScoped<SourceAddressKeeper>();
        services.AddScoped<SourceEditor>();
        services.AddScoped<OpmlImporter>();
        services.AddScoped<OpmlExporter>();
        return services;
    }
}
