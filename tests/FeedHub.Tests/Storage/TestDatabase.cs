using FeedHub.Sources;
using FeedHub.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace FeedHub.Tests.Storage;

/// <summary>A real SQLite database in a temporary file, migrated with FeedHub's own migrations.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "feedhub-tests", Guid.NewGuid().ToString("N"));

    private TestDatabase() => Directory.CreateDirectory(folder);

    public string ConnectionString => $"Data Source={Path.Combine(folder, "feedhub.db")}";

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await using var db = database.Open();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        return database;
    }

    public FeedHubDbContext Open() =>
        new SqliteFeedHubDbContext(new DbContextOptionsBuilder<SqliteFeedHubDbContext>().UseSqlite(ConnectionString).Options);

    public async Task<Source> AddSourceAsync(string url = "https://news.example.test/rss")
    {
        await using var db = Open();
        var source = new Source { Id = Guid.NewGuid(), Name = "Báo Thử", Url = url, Tags = ["vi"] };
        db.Sources.Add(source);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return source;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
