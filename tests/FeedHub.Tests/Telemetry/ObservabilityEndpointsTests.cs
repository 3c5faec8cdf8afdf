using System.Net;
using FeedHub.Tests.EndToEnd;
using Quartz;
using Xunit;

namespace FeedHub.Tests.Telemetry;

/// <summary>The platform's endpoints: /metrics for the scraper, /healthz for liveness, /readyz for readiness.</summary>
public sealed class ObservabilityEndpointsTests
{
    [Fact]
    public async Task Metrics_answers_prometheus_text_with_feedhub_instruments_without_an_api_key()
    {
        await using var hub = await TelemetryHub.StartAsync();
        hub.PublishSecondEdition();
        await hub.PollNowAsync();

        var (status, contentType, body) = await hub.ProbeAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/plain", contentType);
        Assert.Contains("# TYPE feedhub_polls_total counter", body, StringComparison.Ordinal);
        Assert.Contains(body.Split('\n'), line => line.StartsWith("feedhub_polls_total{", StringComparison.Ordinal) && line.Contains("feedhub_poll_outcome=\"fetched\"", StringComparison.Ordinal));
        Assert.Contains("# TYPE feedhub_items_new_total counter", body, StringComparison.Ordinal);
        Assert.Contains("# TYPE feedhub_items_updated_total counter", body, StringComparison.Ordinal);
        Assert.Contains("# TYPE feedhub_poll_duration_seconds histogram", body, StringComparison.Ordinal);
        Assert.Contains("feedhub_poll_duration_seconds_bucket{", body, StringComparison.Ordinal);
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", body, StringComparison.Ordinal);
        Assert.Contains("# TYPE http_client_request_duration_seconds histogram", body, StringComparison.Ordinal);
        await Eventually.HoldsAsync(
            async () => (await hub.ProbeAsync("/metrics")).Body.Contains("# TYPE feedhub_publish_lag_seconds histogram", StringComparison.Ordinal),
            "the publish lag is exposed once the poll's items are published");

        // Counts, durations and route templates only: no key, no source address.
        Assert.DoesNotContain(TelemetryHub.OperatorKey, body, StringComparison.Ordinal);
        Assert.DoesNotContain(TelemetryHub.Feed, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api")]
    [InlineData("worker")]
    public async Task A_process_of_either_role_alone_answers_metrics_and_health(string role)
    {
        await using var hub = await TelemetryHub.StartAsync(settings => settings["FeedHub:Roles"] = role, awaitFirstPoll: false);

        var metrics = await hub.ProbeAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.Status);
        Assert.Contains("target_info", metrics.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await hub.ProbeAsync("/healthz")).Status);
        await Eventually.HoldsAsync(async () => (await hub.ProbeAsync("/readyz")).Status == HttpStatusCode.OK, $"a {role}-only process becomes ready");
    }

    [Fact]
    public async Task Readyz_is_unavailable_while_the_scheduler_stands_by_and_ready_again_once_it_runs()
    {
        await using var hub = await TelemetryHub.StartAsync();
        await Eventually.HoldsAsync(async () => (await hub.ProbeAsync("/readyz")).Status == HttpStatusCode.OK, "the service is ready");
        var scheduler = await hub.Hub.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);

        await scheduler.Standby(TestContext.Current.CancellationToken);
        var standby = await hub.ProbeAsync("/readyz");
        var alive = await hub.ProbeAsync("/healthz");
        await scheduler.Start(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, standby.Status);
        Assert.Equal(HttpStatusCode.OK, alive.Status);
        Assert.Equal(HttpStatusCode.OK, (await hub.ProbeAsync("/readyz")).Status);
    }

    [Fact]
    public async Task Readyz_is_unavailable_when_the_database_is_gone_while_healthz_still_answers()
    {
        await using var hub = await TelemetryHub.StartAsync();
        await Eventually.HoldsAsync(async () => (await hub.ProbeAsync("/readyz")).Status == HttpStatusCode.OK, "the service is ready");

        // The SQLite file's folder vanishes (a volume unmounted): nothing can be opened or created there.
        var moved = hub.DataFolder + "-gone";
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Move(hub.DataFolder, moved);
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await hub.ProbeAsync("/readyz")).Status);
            Assert.Equal(HttpStatusCode.OK, (await hub.ProbeAsync("/healthz")).Status);
        }
        finally
        {
            Directory.Move(moved, hub.DataFolder);
        }

        Assert.Equal(HttpStatusCode.OK, (await hub.ProbeAsync("/readyz")).Status);
    }

    [Fact]
    public async Task Readyz_is_unavailable_while_the_broker_cannot_be_reached()
    {
        await using var hub = await TelemetryHub.StartAsync(
            settings =>
            {
                settings["FeedHub:Bus:Transport"] = "RabbitMq";
                settings["FeedHub:Bus:RabbitMq:Host"] = "127.0.0.1";

                // Nothing listens on the discard port; the service starts and serves regardless.
                settings["FeedHub:Bus:RabbitMq:Port"] = "9";
            },
            awaitFirstPoll: false);

        Assert.Equal(HttpStatusCode.OK, (await hub.ProbeAsync("/healthz")).Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await hub.ProbeAsync("/readyz")).Status);
    }
}
