namespace FeedHub.Parsing;

/// <summary>What the parser needs to know about where a document came from.</summary>
/// <param name="BaseUrl">The URL the document was fetched from; relative links resolve against it.</param>
/// <param name="TimeZone">How to read dates that carry no zone (the source's zone, else the default).</param>
/// <param name="FetchedAt">When the document was fetched; dates far beyond it are clamped.</param>
/// <param name="ContentType">The HTTP Content-Type, whose charset may disagree with the XML declaration.</param>
internal sealed record ParseContext(Uri? BaseUrl, TimeZoneInfo TimeZone, DateTimeOffset FetchedAt, string? ContentType = null);
