using System.Globalization;
using FeedHub.Contracts;
using MassTransit;

namespace FeedHub.Load;

/// <summary>
/// An outside service counting FeedItemPublished from its own queue; logs each item's link and the time it arrived.
/// Stops by itself after --duration.
/// </summary>
internal static class LoadConsumer
{
    public const string LogHeader = "link,discovered_ms,received_ms";

    public static async Task<int> RunAsync(LoadArguments args)
    {
        var broker = new Uri(args.Text("rabbitmq", "amqp://guest:guest@127.0.0.1:5672/load"));
        var queue = args.Text("queue", "feedhub-load-consumer");
        var duration = args.Time("duration", TimeSpan.FromMinutes(15));
        var log = new RequestLog(args.Text("log", "consumer.csv"), LogHeader);
        await using (log.ConfigureAwait(false))
        {
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddSingleton(log);
            builder.Services.AddMassTransit(bus =>
            {
                // No calls out of the machine: load traffic stays on 127.0.0.1.
                bus.DisableUsageTelemetry();
                bus.AddConsumer<PublishedItemCounter>();
                bus.UsingRabbitMq((context, cfg) =>
                {
                    var credentials = broker.UserInfo.Split(':');
                    cfg.Host(broker.Host, (ushort)broker.Port, broker.AbsolutePath.TrimStart('/') is { Length: > 0 } vhost ? vhost : "/", host =>
                    {
                        host.Username(credentials[0]);
                        host.Password(credentials.Length > 1 ? credentials[1] : "");
                    });
                    cfg.ReceiveEndpoint(queue, endpoint =>
                    {
                        // Each run counts only its own items.
                        endpoint.PurgeOnStartup = true;
                        endpoint.PrefetchCount = 128;
                        endpoint.ConfigureConsumer<PublishedItemCounter>(context);
                    });
                });
            });
            using var host = builder.Build();
            await host.StartAsync().ConfigureAwait(false);
            Console.WriteLine($"consumer: ready on queue {queue}");
            try
            {
                await Task.Delay(duration).ConfigureAwait(false);
            }
            finally
            {
                await host.StopAsync().ConfigureAwait(false);
            }
        }

        return 0;
    }

    internal sealed class PublishedItemCounter(RequestLog log) : IConsumer<FeedItemPublished>
    {
        public Task Consume(ConsumeContext<FeedItemPublished> context)
        {
            var received = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
            log.Add(string.Create(CultureInfo.InvariantCulture, $"{context.Message.Item.Link},{context.Message.DiscoveredAt.ToUnixTimeMilliseconds()},{received}"));
            return Task.CompletedTask;
        }
    }
}
