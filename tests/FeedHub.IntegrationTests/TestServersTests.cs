using Npgsql;

namespace FeedHub.IntegrationTests;

public sealed class TestServersTests
{
    [Fact]
    public async Task The_test_postgresql_server_accepts_a_new_database()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);

        await using var command = new NpgsqlCommand("SELECT current_database()", connection);
        Assert.Equal(database.Name, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }
}
