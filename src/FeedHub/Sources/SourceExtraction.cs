namespace FeedHub.Sources;

/// <summary>
/// Per-site rules for full-content sources (<c>FeedHub:Sources:N:Extraction</c>): CSS selectors whose elements are
/// the article, and selectors whose elements never are. Without them the general extractor decides alone.
/// </summary>
internal sealed record SourceExtraction
{
    public List<string> Keep { get; set; } = [];
    public List<string> Remove { get; set; } = [];

    /// <summary>The rules as stored: selectors trimmed, empty ones dropped; null when no rule is left.</summary>
    public SourceExtraction? Cleaned()
    {
        var keep = Selectors(Keep);
        var remove = Selectors(Remove);
        return keep.Count == 0 && remove.Count == 0 ? null : new SourceExtraction { Keep = keep, Remove = remove };
    }

    public Extracting.ExtractionRules ToRules() => new() { Keep = Keep, Remove = Remove };

    private static List<string> Selectors(List<string> selectors) =>
        [.. selectors.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.Ordinal)];
}
