using System.Text.Json;
using FeedHub.Contracts;

namespace FeedHub.Publishing;

/// <summary>Turns a contract message into an outbox row; the message id is derived from what it announces.</summary>
internal static class OutboxMessageFactory
{
    internal static readonly JsonSerializerOptions PayloadOptions = new(JsonSerializerDefaults.Web);

    public static OutboxMessage Published(FeedItemPublished message) =>
        Create(message, DeterministicGuid.Create($"published:{message.ItemId:N}"), message.DiscoveredAt);

    public static OutboxMessage Updated(FeedItemUpdated message, string contentHash) =>
        Create(message, DeterministicGuid.Create($"updated:{message.ItemId:N}:{contentHash}"), message.ChangedAt);

    public static OutboxMessage Clustered(FeedItemClustered message) =>
        Create(message, DeterministicGuid.Create($"clustered:{message.ItemId:N}:{message.Cluster.Id:N}"), message.ClusteredAt);

    public static OutboxMessage HealthChanged(SourceHealthChanged message) =>
        Create(message, DeterministicGuid.Create($"health:{message.Source.Id:N}:{message.Healthy}:{message.ChangedAt.UtcTicks}"), message.ChangedAt);

    private static OutboxMessage Create<T>(T message, Guid messageId, DateTimeOffset createdAt) => new()
    {
        MessageId = messageId,
        MessageType = typeof(T).Name,
        Payload = JsonSerializer.Serialize(message, PayloadOptions),
        CreatedAt = createdAt,
    };
}
