using FeedHub.Contracts;

namespace FeedHub.ExampleConsumer;

/// <summary>What this service does with each new item; replace it with your own work.</summary>
public interface IItemHandler
{
    Task HandleAsync(FeedItemPublished item, CancellationToken cancellationToken);
}
