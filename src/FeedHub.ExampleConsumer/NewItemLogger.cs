using FeedHub.Contracts;
using MassTransit;

namespace FeedHub.ExampleConsumer;

/// <summary>Receives every new item FeedHub stores, once per MessageId.</summary>
public sealed class NewItemLogger(IItemHandler handler, RecentMessageIds recent) : IConsumer<FeedItemPublished>
{
    public async Task Consume(ConsumeContext<FeedItemPublished> context)
    {
        if (context.MessageId is { } id && !recent.TryAdd(id))
        {
            return;
        }

        await handler.HandleAsync(context.Message, context.CancellationToken).ConfigureAwait(false);
    }
}
