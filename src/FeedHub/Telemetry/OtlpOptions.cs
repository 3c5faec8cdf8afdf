namespace FeedHub.Telemetry;

/// <summary>
/// <c>FeedHub:Telemetry:Otlp</c>: traces and metrics are pushed to a collector only when an endpoint is given,
/// here or in the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.
/// </summary>
internal sealed class OtlpOptions
{
    public Uri? Endpoint { get; set; }

    /// <summary><c>Grpc</c> (port 4317 by convention) or <c>HttpProtobuf</c> (4318).</summary>
    public OpenTelemetry.Exporter.OtlpExportProtocol Protocol { get; set; } = OpenTelemetry.Exporter.OtlpExportProtocol.Grpc;
}
