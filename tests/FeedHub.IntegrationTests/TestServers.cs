namespace FeedHub.IntegrationTests;

/// <summary>
/// The real servers tests/test.sh starts. Without one, a test skips and names it; under CI a missing
/// server is a failure, so a broken set-up can never pass as green.
/// </summary>
internal static class TestServers
{
    public static string PostgresConnectionString => Require("FEEDHUB_TEST_POSTGRES", "PostgreSQL");

    public static Uri RabbitMq => new(Require("FEEDHUB_TEST_RABBITMQ", "RabbitMQ"));

    /// <summary>
    /// SQL Server cannot run on the machines that run tests/test.sh, so its cases run only where a server
    /// is given (the GitHub workflow's service container, which also sets FEEDHUB_REQUIRE_SQLSERVER).
    /// </summary>
    public static string SqlServerConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable("FEEDHUB_TEST_SQLSERVER");
            if (!string.IsNullOrEmpty(value))
            {
                return value;
            }

            const string message = "SQL Server is not available: FEEDHUB_TEST_SQLSERVER is not set (only the GitHub workflow provides one).";
            if (string.Equals(Environment.GetEnvironmentVariable("FEEDHUB_REQUIRE_SQLSERVER"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message);
            }

            Assert.Skip(message);
            return value!;
        }
    }

    private static string Require(string variable, string server)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrEmpty(value))
        {
            return value;
        }

        var message = $"{server} is not available: {variable} is not set (tests/test.sh starts one).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        return value!;
    }
}
