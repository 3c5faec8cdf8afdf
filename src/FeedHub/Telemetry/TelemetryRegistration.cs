using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FeedHub.Telemetry;

internal static class TelemetryRegistration
{
    public const string MetricsPath = "/metrics";

    /// <summary>The standard variable: an OTLP endpoint given only there is honoured as well.</summary>
    private const string StandardOtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("FeedHub:Telemetry").Get<TelemetryOptions>() ?? new TelemetryOptions();
        services.AddSingleton(options);
        services.AddSingleton<FeedHubTelemetry>();

        var exportsOtlp = options.Otlp.Endpoint is not null || !string.IsNullOrWhiteSpace(configuration[StandardOtlpEndpoint]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(FeedHubTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (options.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });

        // Spans are only worth making when something collects them; without a collector, polls create none.
        if (exportsOtlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(FeedHubTelemetry.Name)
                .AddSource("MassTransit")
                .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = context => !IsPlatformProbe(context.Request.Path))
                .AddHttpClientInstrumentation());
            if (options.Otlp.Endpoint is { } endpoint)
            {
                telemetry.UseOtlpExporter(options.Otlp.Protocol, endpoint);
            }
            else
            {
                // Reads OTEL_EXPORTER_OTLP_ENDPOINT, _PROTOCOL, _HEADERS and the rest of the standard variables.
                telemetry.UseOtlpExporter();
            }
        }

        return services;
    }

    /// <summary>
    /// <c>/metrics</c> is for the platform's scraper: no API key, no rate limit, in every role. It shows
    /// counts, durations and route templates only, never a source URL or a key.
    /// </summary>
    public static void MapTelemetry(this WebApplication app)
    {
        if (app.Services.GetRequiredService<TelemetryOptions>().Prometheus)
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath);
        }
    }

    private static bool IsPlatformProbe(PathString path) =>
        path.StartsWithSegments(MetricsPath, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/readyz", StringComparison.OrdinalIgnoreCase);
}
