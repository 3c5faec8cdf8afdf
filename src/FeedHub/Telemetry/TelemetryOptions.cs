namespace FeedHub.Telemetry;

/// <summary><c>FeedHub:Telemetry</c>: where traces and metrics go.</summary>
internal sealed class TelemetryOptions
{
    /// <summary>Maps <c>/metrics</c> for Prometheus to scrape.</summary>
    public bool Prometheus { get; set; } = true;

    public OtlpOptions Otlp { get; set; } = new();

    /// <summary>The <c>service.name</c> resource attribute (the standard <c>OTEL_SERVICE_NAME</c> wins over it).</summary>
    public string ServiceName { get; set; } = "feedhub";
}
