using System.Diagnostics.Metrics;
using FeedHub.Telemetry;

namespace FeedHub.IntegrationTests.Storage;

/// <summary>FeedHub's instruments on a meter of their own, for stages built by hand outside a host.</summary>
internal static class TestTelemetry
{
    private static readonly ServiceProvider Meters = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public static FeedHubTelemetry Create() => new(Meters.GetRequiredService<IMeterFactory>());
}
