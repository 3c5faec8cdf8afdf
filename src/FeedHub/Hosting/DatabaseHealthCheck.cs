using FeedHub.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FeedHub.Hosting;

internal sealed class DatabaseHealthCheck(FeedHubDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database cannot be reached.");
}
