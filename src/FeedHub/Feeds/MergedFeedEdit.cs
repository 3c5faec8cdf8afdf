namespace FeedHub.Feeds;

/// <summary>What an operator's change to the merged feeds came to.</summary>
internal abstract record MergedFeedEdit
{
    private MergedFeedEdit() { }

    public sealed record Done(MergedFeedDefinition Feed) : MergedFeedEdit;

    public sealed record Invalid(IReadOnlyList<(string Field, string Message)> Errors) : MergedFeedEdit;

    /// <summary>Another feed already has that slug (<c>all</c> always does).</summary>
    public sealed record Duplicate(string Slug) : MergedFeedEdit;

    public sealed record NotFound : MergedFeedEdit;

    /// <summary>The feed is declared in configuration (or is the built-in <c>all</c>), which would undo the change.</summary>
    public sealed record DeclaredInConfiguration(string Slug) : MergedFeedEdit;
}
