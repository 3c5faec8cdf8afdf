using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FeedHub.Storage;

internal static class StorageRegistration
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("FeedHub:Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        var connectionString = configuration.GetConnectionString("FeedHub");

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = PrepareSqlite(connectionString ?? DatabaseOptions.DefaultSqliteConnectionString);
                services.AddDbContext<FeedHubDbContext, SqliteFeedHubDbContext>(db => db.UseSqlite(sqlite));
                break;
            case DatabaseProvider.PostgreSql:
                var postgres = RequireServer(connectionString, options.Provider);
                services.AddDbContext<FeedHubDbContext, PostgreSqlFeedHubDbContext>(db => db.UseNpgsql(postgres));
                break;
            case DatabaseProvider.SqlServer:
                var sqlServer = RequireServer(connectionString, options.Provider);
                services.AddDbContext<FeedHubDbContext, SqlServerFeedHubDbContext>(db => db.UseSqlServer(sqlServer));
                break;
            default:
                throw new InvalidOperationException($"FeedHub:Database:Provider '{options.Provider}' is unknown; use Sqlite, PostgreSql or SqlServer.");
        }

        services.AddScoped<ItemStore>();
        services.AddTransient<DatabaseInitializer>();
        return services;
    }

    private static string RequireServer(string? connectionString, DatabaseProvider provider) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException($"FeedHub:Database:Provider is {provider}, which needs ConnectionStrings:FeedHub (environment variable ConnectionStrings__FeedHub).")
            : connectionString;

    /// <summary>The embedded database lives in a folder that may not exist yet on a fresh machine.</summary>
    private static string PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal))
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        // Pollers write while readers serve feeds, so commands wait for a lock rather than fail at once:
        // Microsoft.Data.Sqlite's default is 30 s. A "Default Timeout" the connection string names is the
        // operator's choice and is kept (a test that holds the lock on purpose wants it short).
        return builder.ToString();
    }
}
