namespace FeedHub.Storage;

internal enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}
