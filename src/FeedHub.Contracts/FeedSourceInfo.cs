namespace FeedHub.Contracts;

/// <summary>The source (outlet feed) an item came from.</summary>
public sealed record FeedSourceInfo
{
    /// <summary>FeedHub's id for the source.</summary>
    public required Guid Id { get; init; }

    /// <summary>The operator's name for the source.</summary>
    public required string Name { get; init; }

    /// <summary>The feed URL that is polled.</summary>
    public required Uri Url { get; init; }

    /// <summary>The operator's tags for the source.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}
