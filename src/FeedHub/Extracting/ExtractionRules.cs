namespace FeedHub.Extracting;

/// <summary>
/// Per-site CSS selectors for pages the general extractor reads badly. With <see cref="Keep"/> the article is
/// exactly the union of the matching nodes, in document order; <see cref="Remove"/> is applied first either way.
/// </summary>
internal sealed record ExtractionRules
{
    public static ExtractionRules None { get; } = new();

    public IReadOnlyList<string> Keep { get; init; } = [];

    public IReadOnlyList<string> Remove { get; init; } = [];
}
