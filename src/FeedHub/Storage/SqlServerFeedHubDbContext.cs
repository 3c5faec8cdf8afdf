using Microsoft.EntityFrameworkCore;

namespace FeedHub.Storage;

internal sealed class SqlServerFeedHubDbContext(DbContextOptions<SqlServerFeedHubDbContext> options) : FeedHubDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQL Server's time type stops at 24 hours; a daily or weekly poll interval is kept as ticks.
        configurationBuilder.Properties<TimeSpan>().HaveConversion<long>();
    }
}
