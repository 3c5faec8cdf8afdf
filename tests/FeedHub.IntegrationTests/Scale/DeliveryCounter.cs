using System.Collections.Concurrent;
using FeedHub.Contracts;
using MassTransit;

namespace FeedHub.IntegrationTests.Scale;

/// <summary>A subscribing service on the test's virtual host that counts every FeedItemPublished delivery.</summary>
internal sealed class DeliveryCounter : IAsyncDisposable
{
    private readonly IBusControl bus;

    private DeliveryCounter(IBusControl bus) => this.bus = bus;

    public ConcurrentQueue<(Guid? MessageId, Guid ItemId, string? FeedGuid)> Deliveries { get; } = new();

    public int DistinctItems => Deliveries.Select(d => d.ItemId).Distinct().Count();

    public int Duplicates => Deliveries.Count - DistinctItems;

    public static async Task<DeliveryCounter> StartAsync(RabbitMqVirtualHost vhost)
    {
        DeliveryCounter? counter = null;
        var bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(vhost.Broker.Host, (ushort)vhost.Broker.Port, vhost.Name, host =>
            {
                host.Username("guest");
                host.Password("guest");
            });
            cfg.ReceiveEndpoint("delivery-counter", endpoint =>
                endpoint.Handler<FeedItemPublished>(context =>
                {
                    counter!.Deliveries.Enqueue((context.MessageId, context.Message.ItemId, context.Message.Item.FeedGuid));
                    return Task.CompletedTask;
                }));
        });
        counter = new DeliveryCounter(bus);
        using var start = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bus.StartAsync(start.Token);
        return counter;
    }

    public async ValueTask DisposeAsync() => await bus.StopAsync();
}
