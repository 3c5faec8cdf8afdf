using FeedHub.Admin;
using FeedHub.Api;
using FeedHub.Feeds;
using FeedHub.Push;
using FeedHub.Sources;
using FeedHub.Storage;
using FeedHub.Telemetry;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace FeedHub.Hosting;

/// <summary>Builds and starts the service the same way for `feedhub serve` and for tests.</summary>
internal static class FeedHubHost
{
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplication Build(string[] args, FeedHubHostOptions? hostOptions = null)
    {
        hostOptions ??= new FeedHubHostOptions();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = hostOptions.ContentRoot });
        hostOptions.ConfigureConfiguration?.Invoke(builder.Configuration);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.AddFeedHub(hostOptions);
        var app = builder.Build();
        app.MapFeedHub();
        return app;
    }

    /// <summary>Migrates the database and syncs configured sources and feeds, before any poller or reader touches them.</summary>
    public static async Task InitializeAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        await using var scope = app.Services.CreateAsyncScope();
        if (scope.ServiceProvider.GetRequiredService<DatabaseOptions>().MigrateOnStart)
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        await scope.ServiceProvider.GetRequiredService<SourceCatalog>().SyncConfiguredAsync(cancellationToken).ConfigureAwait(false);
        await scope.ServiceProvider.GetRequiredService<MergedFeedCatalog>().SyncConfiguredAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void MapFeedHub(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });

        // Database, broker (MassTransit's "masstransit-bus" check) and, in workers, the scheduler.
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapTelemetry();

        var roles = app.Services.GetRequiredService<FeedHubRoleSet>().Roles;
        if (roles.HasFlag(FeedHubRoles.Api))
        {
            // Readers' feeds are public (a private one checks its own token). A current reader is answered before
            // any of this (CurrentFeedShortcut); WebApplication itself puts authentication and authorization ahead
            // of every path, /feeds included, as it does whenever their services are registered.
            app.UseWhen(context => !context.Request.Path.StartsWithSegments(FeedsApi.Path), operators =>
            {
                operators.UseAuthentication();
                operators.UseAuthorization();
                operators.UseRateLimiter();
            });
            app.MapOpenApi("/openapi/{documentName}.json");
            app.MapFeeds();
            app.MapSources();
            app.MapFeedDefinitions();
            app.MapItems();
            app.MapOpml();
            app.MapAdmin();
            app.MapWebSubCallback();
        }
    }
}
