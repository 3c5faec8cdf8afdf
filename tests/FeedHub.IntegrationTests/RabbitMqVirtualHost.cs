using System.Diagnostics;

namespace FeedHub.IntegrationTests;

/// <summary>
/// A virtual host of its own on the test broker, so queues and exchanges left by other tests or
/// earlier runs cannot deliver anything here. Created and deleted with rabbitmqctl.
/// </summary>
internal sealed class RabbitMqVirtualHost : IAsyncDisposable
{
    private RabbitMqVirtualHost(string name, Uri broker)
    {
        Name = name;
        Broker = broker;
    }

    public string Name { get; }

    public Uri Broker { get; }

    public static async Task<RabbitMqVirtualHost> CreateAsync()
    {
        var broker = TestServers.RabbitMq;
        var host = new RabbitMqVirtualHost($"feedhub-test-{Guid.NewGuid():N}", broker);
        await RabbitMqCtl.RunAsync("add_vhost", host.Name);
        await RabbitMqCtl.RunAsync("set_permissions", "-p", host.Name, "guest", ".*", ".*", ".*");
        return host;
    }

    /// <summary>FeedHub configuration that points the bus at this virtual host.</summary>
    public Dictionary<string, string?> FeedHubSettings() => new()
    {
        ["FeedHub:Bus:Transport"] = "RabbitMq",
        ["FeedHub:Bus:RabbitMq:Host"] = Broker.Host,
        ["FeedHub:Bus:RabbitMq:Port"] = Broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["FeedHub:Bus:RabbitMq:VirtualHost"] = Name,
    };

    public async ValueTask DisposeAsync() => await RabbitMqCtl.RunAsync("delete_vhost", Name);
}

internal static class RabbitMqCtl
{
    public static async Task<string> RunAsync(params string[] arguments)
    {
        // In CI with a broker container this is e.g. "docker exec rabbitmq rabbitmqctl".
        var command = (Environment.GetEnvironmentVariable("FEEDHUB_TEST_RABBITMQCTL") ?? "rabbitmqctl").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var prefix in command[1..])
        {
            start.ArgumentList.Add(prefix);
        }

        start.ArgumentList.Add("-q");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("rabbitmqctl did not start");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Trim()}");
    }
}
