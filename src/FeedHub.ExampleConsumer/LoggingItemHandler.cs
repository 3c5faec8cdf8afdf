using FeedHub.Contracts;

namespace FeedHub.ExampleConsumer;

internal sealed partial class LoggingItemHandler(ILogger<LoggingItemHandler> logger) : IItemHandler
{
    public Task HandleAsync(FeedItemPublished item, CancellationToken cancellationToken)
    {
        LogNewItem(logger, item.Source.Name, item.Item.Title, item.Item.Link);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "New item from {Source}: {Title} {Link}")]
    private static partial void LogNewItem(ILogger logger, string source, string title, Uri? link);
}
