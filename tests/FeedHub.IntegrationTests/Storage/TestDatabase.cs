using FeedHub.Sources;
using FeedHub.Storage;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FeedHub.IntegrationTests.Storage;

public enum StorageProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}

/// <summary>
/// A fresh, migrated FeedHub database on one provider, for the storage tests that must behave the
/// same everywhere: SQLite in a temporary file, PostgreSQL and SQL Server as a new database on the
/// test server.
/// </summary>
internal abstract class TestDatabase : IAsyncDisposable
{
    public static TheoryData<StorageProvider> Providers => new(Enum.GetValues<StorageProvider>());

    public static async Task<TestDatabase> CreateAsync(StorageProvider provider)
    {
        TestDatabase database = provider switch
        {
            StorageProvider.Sqlite => new SqliteTestDatabase(),
            StorageProvider.PostgreSql => new PostgreSqlTestDatabase(await PostgresDatabase.CreateAsync()),
            _ => await SqlServerTestDatabase.CreateAsync(),
        };
        await using var db = database.Open();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        return database;
    }

    public abstract FeedHubDbContext Open(params IInterceptor[] interceptors);

    /// <summary>Registers this database as the service's FeedHubDbContext.</summary>
    public abstract void AddTo(IServiceCollection services, params IInterceptor[] interceptors);

    public async Task<Source> AddSourceAsync(string url = "https://news.example.test/rss", string name = "Báo Thử")
    {
        await using var db = Open();
        var source = new Source { Id = Guid.NewGuid(), Name = name, Url = url, Tags = ["vi"] };
        db.Sources.Add(source);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return source;
    }

    public abstract ValueTask DisposeAsync();

    private sealed class SqliteTestDatabase : TestDatabase
    {
        private readonly string folder = Directory.CreateTempSubdirectory("feedhub-storage-").FullName;

        private string ConnectionString => $"Data Source={Path.Combine(folder, "feedhub.db")}";

        public override FeedHubDbContext Open(params IInterceptor[] interceptors) =>
            new SqliteFeedHubDbContext(new DbContextOptionsBuilder<SqliteFeedHubDbContext>().UseSqlite(ConnectionString).AddInterceptors(interceptors).Options);

        public override void AddTo(IServiceCollection services, params IInterceptor[] interceptors) =>
            services.AddDbContext<FeedHubDbContext, SqliteFeedHubDbContext>(db => db.UseSqlite(ConnectionString).AddInterceptors(interceptors));

        public override ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class PostgreSqlTestDatabase(PostgresDatabase database) : TestDatabase
    {
        public override FeedHubDbContext Open(params IInterceptor[] interceptors) =>
            new PostgreSqlFeedHubDbContext(new DbContextOptionsBuilder<PostgreSqlFeedHubDbContext>().UseNpgsql(database.ConnectionString).AddInterceptors(interceptors).Options);

        public override void AddTo(IServiceCollection services, params IInterceptor[] interceptors) =>
            services.AddDbContext<FeedHubDbContext, PostgreSqlFeedHubDbContext>(db => db.UseNpgsql(database.ConnectionString).AddInterceptors(interceptors));

        public override ValueTask DisposeAsync() => database.DisposeAsync();
    }

    private sealed class SqlServerTestDatabase(string server, string name) : TestDatabase
    {
        private string ConnectionString => new SqlConnectionStringBuilder(server) { InitialCatalog = name }.ConnectionString;

        public static async Task<SqlServerTestDatabase> CreateAsync()
        {
            var database = new SqlServerTestDatabase(TestServers.SqlServerConnectionString, $"feedhub_test_{Guid.NewGuid():N}");
            await database.ExecuteOnServerAsync($"CREATE DATABASE [{database.Name}]");
            return database;
        }

        private string Name => name;

        public override FeedHubDbContext Open(params IInterceptor[] interceptors) =>
            new SqlServerFeedHubDbContext(new DbContextOptionsBuilder<SqlServerFeedHubDbContext>().UseSqlServer(ConnectionString).AddInterceptors(interceptors).Options);

        public override void AddTo(IServiceCollection services, params IInterceptor[] interceptors) =>
            services.AddDbContext<FeedHubDbContext, SqlServerFeedHubDbContext>(db => db.UseSqlServer(ConnectionString).AddInterceptors(interceptors));

        public override async ValueTask DisposeAsync()
        {
            SqlConnection.ClearAllPools();
            await ExecuteOnServerAsync($"ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]");
        }

        private async Task ExecuteOnServerAsync(string sql)
        {
            await using var connection = new SqlConnection(server);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new SqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
    }
}
