namespace FeedHub.Parsing;

/// <summary>
/// Bounds on what one document may cost. A feed FeedHub does not control must not be able to exhaust memory
/// or time: beyond these the parser stops reading and says so in a warning or a rejection.
/// </summary>
internal sealed record ParserLimits
{
    public static readonly ParserLimits Default = new();

    /// <summary>Documents larger than this are rejected unread.</summary>
    public int MaxBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>Element nesting beyond this is malformed for any feed format.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Items after this many are dropped with a warning.</summary>
    public int MaxItems { get; init; } = 10_000;

    /// <summary>Characters kept of any one text (title, summary, content); the rest is cut with a warning.</summary>
    public int MaxTextLength { get; init; } = 1024 * 1024;
}
