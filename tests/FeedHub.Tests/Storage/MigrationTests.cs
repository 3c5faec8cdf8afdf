using FeedHub.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit;

namespace FeedHub.Tests.Storage;

/// <summary>
/// Checks on the migration sets that need no server: SQL Server's script (SQL Server cannot run here)
/// and, for every provider, that no model change was left without a migration.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public void The_sql_server_script_creates_the_tables_keys_and_indexes()
    {
        using var db = SqlServer();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [Sources]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [Items]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [OutboxMessages]", script, StringComparison.Ordinal);
        Assert.Contains("CONSTRAINT [PK_Sources] PRIMARY KEY ([Id])", script, StringComparison.Ordinal);
        Assert.Contains("CONSTRAINT [PK_Items] PRIMARY KEY ([Id])", script, StringComparison.Ordinal);
        Assert.Contains("CONSTRAINT [PK_OutboxMessages] PRIMARY KEY ([Id])", script, StringComparison.Ordinal);
        Assert.Contains("CONSTRAINT [FK_Items_Sources_SourceId] FOREIGN KEY ([SourceId]) REFERENCES [Sources] ([Id]) ON DELETE CASCADE", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Items_SourceId_Key] ON [Items] ([SourceId], [Key])", script, StringComparison.Ordinal);
        Assert.Contains("CREATE INDEX [IX_Items_SortAt] ON [Items] ([SortAt])", script, StringComparison.Ordinal);
        Assert.Contains("CREATE INDEX [IX_Items_SourceId_SortAt] ON [Items] ([SourceId], [SortAt])", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_OutboxMessages_MessageId] ON [OutboxMessages] ([MessageId])", script, StringComparison.Ordinal);
        Assert.Contains("CREATE INDEX [IX_OutboxMessages_SentAt_Id] ON [OutboxMessages] ([SentAt], [Id])", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Sources_Url] ON [Sources] ([Url])", script, StringComparison.Ordinal);
        Assert.Contains("[PublishedAt] datetimeoffset NULL", script, StringComparison.Ordinal);
        Assert.Contains("[ClaimToken] uniqueidentifier NULL", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Sources_UrlHash] ON [Sources] ([UrlHash])", script, StringComparison.Ordinal);
        Assert.Contains("[UrlHash] varchar(64) NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [MergedFeeds]", script, StringComparison.Ordinal);
        Assert.Contains("CONSTRAINT [PK_MergedFeeds] PRIMARY KEY ([Slug])", script, StringComparison.Ordinal);
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
    }

    [Fact]
    public void No_model_change_is_missing_a_migration()
    {
        using var sqlite = new SqliteFeedHubDbContext(new DbContextOptionsBuilder<SqliteFeedHubDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgreSqlFeedHubDbContext(new DbContextOptionsBuilder<PostgreSqlFeedHubDbContext>().UseNpgsql("Host=localhost;Database=feedhub").Options);
        using var sqlServer = SqlServer();

        Assert.False(sqlite.Database.HasPendingModelChanges(), "SQLite: run dotnet ef migrations add");
        Assert.False(postgres.Database.HasPendingModelChanges(), "PostgreSQL: run dotnet ef migrations add");
        Assert.False(sqlServer.Database.HasPendingModelChanges(), "SQL Server: run dotnet ef migrations add");
    }

    private static SqlServerFeedHubDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerFeedHubDbContext>().UseSqlServer("Server=127.0.0.1,1;Database=feedhub;Connect Timeout=1").Options);
}
