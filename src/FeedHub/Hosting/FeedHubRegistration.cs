using FeedHub.Api;
using FeedHub.Clustering;
using FeedHub.Extracting;
using FeedHub.Feeds;
using FeedHub.Fetching;
using FeedHub.Normalizing;
using FeedHub.Parsing;
using FeedHub.Publishing;
using FeedHub.Push;
using FeedHub.Scheduling;
using FeedHub.Sources;
using FeedHub.Storage;
using FeedHub.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FeedHub.Hosting;

internal static class FeedHubRegistration
{
    /// <summary>Every stage, plus the roles this process plays.</summary>
    public static IHostApplicationBuilder AddFeedHub(this IHostApplicationBuilder builder, FeedHubHostOptions hostOptions)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        var roles = FeedHubRolesParser.Parse(configuration["FeedHub:Roles"]);
        services.AddSingleton(new FeedHubRoleSet(roles));
        services.TryAddSingleton(TimeProvider.System);

        services.AddStorage(configuration)
            .AddSources()
            .AddFetching()
            .AddParsing()
            .AddNormalizing()
            .AddExtracting()
            .AddClustering()
            .AddPublishing()
            .AddFeeds()
            .AddPush();
        services.AddScoped<SourcePoller>();

        if (roles.HasFlag(FeedHubRoles.Worker))
        {
            services.AddScheduling(configuration);
            services.AddOutboxPublisher(configuration);
            services.AddPushRenewals();
        }

        if (roles.HasFlag(FeedHubRoles.Api))
        {
            services.AddApi(configuration);
            services.AddCurrentFeedShortcut();
        }

        services.AddFeedHubBus(configuration, roles, hostOptions.ConfigureBus);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddTelemetry(configuration);
        services.AddProblemDetails();
        return builder;
    }
}

/// <summary>The roles this process was started with, for code that behaves differently per role.</summary>
internal sealed record FeedHubRoleSet(FeedHubRoles Roles);
