using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FeedHub.Storage;

/// <summary>Lets `dotnet ef migrations add` build each provider's context without starting the service.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFeedHubDbContext>
{
    public SqliteFeedHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteFeedHubDbContext>().UseSqlite(DatabaseOptions.DefaultSqliteConnectionString).Options);
}
