using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FeedHub.Storage;

/// <summary>Lets `dotnet ef migrations add` build each provider's context without starting the service.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFeedHubDbContext>
{
    public SqliteFeedHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteFeedHubDbContext>().UseSqlite(DatabaseOptions.DefaultSqliteConnectionString).Options);
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlFeedHubDbContext>
{
    public PostgreSqlFeedHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlFeedHubDbContext>().UseNpgsql("Host=localhost;Database=feedhub").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerFeedHubDbContext>
{
    public SqlServerFeedHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerFeedHubDbContext>().UseSqlServer("Server=localhost;Database=feedhub;TrustServerCertificate=true").Options);
}
