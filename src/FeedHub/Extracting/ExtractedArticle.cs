namespace FeedHub.Extracting;

/// <summary>The main content of a page, as plain text and as sanitized HTML. Every string is NFC.</summary>
/// <param name="Published">UTC, or null when the page states no date that could be read.</param>
/// <param name="Text">The paragraphs, separated by a blank line.</param>
/// <param name="Html">Sanitized HTML with absolute links and image URLs, or empty when nothing was found.</param>
internal sealed record ExtractedArticle(
    string Title,
    string? Author,
    DateTimeOffset? Published,
    string Text,
    string Html,
    string? Language,
    IReadOnlyList<string> Paragraphs);
