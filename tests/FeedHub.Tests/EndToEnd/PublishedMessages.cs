using System.Collections.Concurrent;
using FeedHub.Contracts;
using MassTransit;

namespace FeedHub.Tests.EndToEnd;

/// <summary>What a subscribing service received over the bus, with each delivery's MessageId.</summary>
public sealed class PublishedMessages
{
    private readonly ConcurrentQueue<(Guid? MessageId, FeedItemPublished Message)> published = new();
    private readonly ConcurrentQueue<(Guid? MessageId, FeedItemUpdated Message)> updated = new();

    public IReadOnlyList<(Guid? MessageId, FeedItemPublished Message)> Published => [.. published];

    public IReadOnlyList<(Guid? MessageId, FeedItemUpdated Message)> Updated => [.. updated];

    internal void Add(Guid? messageId, FeedItemPublished message) => published.Enqueue((messageId, message));

    internal void Add(Guid? messageId, FeedItemUpdated message) => updated.Enqueue((messageId, message));
}

/// <summary>A consumer like any subscribing service would write, recording what it receives.</summary>
public sealed class RecordingConsumer(PublishedMessages log) : IConsumer<FeedItemPublished>, IConsumer<FeedItemUpdated>
{
    public Task Consume(ConsumeContext<FeedItemPublished> context)
    {
        log.Add(context.MessageId, context.Message);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<FeedItemUpdated> context)
    {
        log.Add(context.MessageId, context.Message);
        return Task.CompletedTask;
    }
}
