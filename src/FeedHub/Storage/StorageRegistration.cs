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
            default:
                throw new InvalidOperationException(
                    $"FeedHub:Database:Provider '{options.Provider}' is not available in this build; use Sqlite.");
        }

        services.AddScoped<ItemStore>();
        services.AddTransient<DatabaseInitializer>();
        return services;
    }

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

        // Pollers write while readers serve feeds: wait for the lock rather than fail at once.
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        return builder.ToString();
    }
}
