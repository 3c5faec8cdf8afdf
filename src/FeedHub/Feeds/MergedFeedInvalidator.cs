using FeedHub.Contracts;
using MassTransit;

namespace FeedHub.Feeds;

/// <summary>The reader side learns of new and changed items the way any subscribing service does: over the bus.</summary>
internal sealed class MergedFeedInvalidator(MergedFeedCache cache) : IConsumer<FeedItemPublished>, IConsumer<FeedItemUpdated>
{
    public Task Consume(ConsumeContext<FeedItemPublished> context)
    {
        cache.Invalidate();
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<FeedItemUpdated> context)
    {
        cache.Invalidate();
        return Task.CompletedTask;
    }
}
