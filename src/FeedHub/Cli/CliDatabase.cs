using FeedHub.Sources;
using FeedHub.Sources.Opml;
using FeedHub.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FeedHub.Cli;

/// <summary>
/// The configured database and the source stages that work on it, for verbs that change sources
/// without running the service. Configuration is read as `feedhub migrate` reads it; log output goes
/// to stderr, so that stdout carries only the verb's own output (an export, a summary).
/// </summary>
internal static class CliDatabase
{
    public static async Task<IHost> OpenAsync(string[] hostArgs, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = hostArgs, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        // Added after appsettings.json's levels, so it wins over their Information default: a verb's run is not a service's log.
        builder.Logging.AddFilter(category: null, LogLevel.Warning);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddStorage(builder.Configuration);
        builder.Services.AddScoped<SourceEditor>();
        builder.Services.AddScoped<OpmlImporter>();
        builder.Services.AddScoped<OpmlExporter>();
        var host = builder.Build();

        // The same choice the service makes at start: a database it may migrate is brought up to date first.
        await using var scope = host.Services.CreateAsyncScope();
        if (scope.ServiceProvider.GetRequiredService<DatabaseOptions>().MigrateOnStart)
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        return host;
    }
}
