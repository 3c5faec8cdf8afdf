using System.Text.Json;
using FeedHub.Contracts;
using MassTransit;

namespace FeedHub.Publishing;

/// <summary>Publishes one outbox row as the contract type it was written as, under its derived MessageId.</summary>
internal sealed class OutboxDispatcher(IPublishEndpoint bus)
{
    public Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken) => message.MessageType switch
    {
        nameof(FeedItemPublished) => PublishAsync<FeedItemPublished>(message, cancellationToken),
        nameof(FeedItemUpdated) => PublishAsync<FeedItemUpdated>(message, cancellationToken),
        nameof(SourceHealthChanged) => PublishAsync<SourceHealthChanged>(message, cancellationToken),
        nameof(FeedItemClustered) => PublishAsync<FeedItemClustered>(message, cancellationToken),
        _ => throw new InvalidOperationException($"Outbox message {message.Id} has unknown type '{message.MessageType}'."),
    };

    private Task PublishAsync<T>(OutboxMessage message, CancellationToken cancellationToken)
        where T : class
    {
        var payload = JsonSerializer.Deserialize<T>(message.Payload, OutboxMessageFactory.PayloadOptions)
            ?? throw new InvalidOperationException($"Outbox message {message.Id} has an empty payload.");
        return bus.Publish(payload, context => context.MessageId = message.MessageId, cancellationToken);
    }
}
