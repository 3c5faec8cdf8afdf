using Npgsql;

namespace FeedHub.IntegrationTests.Scale;

/// <summary>Reads FeedHub's tables directly, as an outside observer of what the worker processes stored.</summary>
internal static class FeedHubTables
{
    public static Task<long> CountItemsAsync(PostgresDatabase database) =>
        ScalarAsync<long>(database, "SELECT count(*) FROM \"Items\"");

    public static Task<long> CountPendingAsync(PostgresDatabase database) =>
        ScalarAsync<long>(database, "SELECT count(*) FROM \"OutboxMessages\" WHERE \"SentAt\" IS NULL");

    public static async Task<List<string>> StoredGuidsAsync(PostgresDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"FeedGuid\" FROM \"Items\"", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var guids = new List<string>();
        while (await reader.ReadAsync())
        {
            guids.Add(reader.GetString(0));
        }

        return guids;
    }

    private static async Task<T> ScalarAsync<T>(PostgresDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
