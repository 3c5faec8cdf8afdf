namespace FeedHub.Sources.Opml;

/// <summary>What reading an upload as OPML came to: its feed outlines, or why it is not OPML.</summary>
internal abstract record OpmlReadResult
{
    private OpmlReadResult() { }

    public sealed record Read(string? Title, IReadOnlyList<OpmlFeed> Feeds) : OpmlReadResult;

    /// <summary>The input is not OPML FeedHub will read; <paramref name="Reason"/> is one line a person can act on.</summary>
    public sealed record Rejected(string Reason) : OpmlReadResult;
}
