using FeedHub.Contracts;

namespace FeedHub.Parsing;

/// <summary>One entry as the feed wrote it. Dates are already UTC; HTML is not yet sanitized.</summary>
internal sealed record ParsedItem
{
    public string? Id { get; init; }
    public string? Link { get; init; }
    public string? Title { get; init; }
    public string? SummaryHtml { get; init; }
    public string? ContentHtml { get; init; }
    public IReadOnlyList<FeedAuthor> Authors { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<ParsedEnclosure> Enclosures { get; init; } = [];
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Updated { get; init; }

    /// <summary>xml:base in force for the item, else the feed's URL: relative links resolve against it.</summary>
    public Uri? BaseUrl { get; init; }
}

/// <summary>An enclosure before its URL is resolved.</summary>
internal sealed record ParsedEnclosure(string Url, string? Type, long? Length);
