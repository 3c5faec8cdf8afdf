namespace FeedHub.Storage;

/// <summary>Bound from <c>FeedHub:Database</c>; the connection string is <c>ConnectionStrings:FeedHub</c>.</summary>
internal sealed class DatabaseOptions
{
    public const string DefaultSqliteConnectionString = "Data Source=data/feedhub.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the service starts; off when `feedhub migrate` is run by a deploy step.</summary>
    public bool MigrateOnStart { get; set; } = true;
}
