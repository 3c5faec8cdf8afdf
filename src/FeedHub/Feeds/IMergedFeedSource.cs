namespace FeedHub.Feeds;

internal interface IMergedFeedSource
{
    Task<MergedFeed?> FindAsync(string slug, CancellationToken cancellationToken);
}
