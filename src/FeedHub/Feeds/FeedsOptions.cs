namespace FeedHub.Feeds;

/// <summary>The merged feeds declared in configuration (<c>FeedHub:Feeds</c>).</summary>
internal sealed class FeedsOptions
{
    public List<MergedFeedDeclaration> Feeds { get; set; } = [];
}
