using FeedHub.Parsing.Listing;

namespace FeedHub.Sources;

/// <summary>
/// What makes a source an HTML listing rather than a feed (<c>FeedHub:Sources:N:Listing</c>): CSS selectors for a
/// page that has no feed. Every selector but <see cref="Item"/> is applied inside each matched item.
/// </summary>
internal sealed record SourceListing
{
    public string? Item { get; set; }
    public string? Title { get; set; }
    public string? Link { get; set; }
    public string? Time { get; set; }
    public string? Summary { get; set; }
    public string? Image { get; set; }

    /// <summary>A .NET custom date format such as <c>HH:mm | dd/MM/yyyy</c>, read in the source's time zone.</summary>
    public string? DatePattern { get; set; }

    /// <summary>The selectors as the listing reader takes them; call it on a <see cref="Cleaned"/> listing.</summary>
    public ListingSelectors ToSelectors() => new(Item ?? string.Empty)
    {
        Title = Title,
        Link = Link,
        Time = Time,
        Summary = Summary,
        Image = Image,
        DatePattern = DatePattern,
    };

    /// <summary>The listing as stored: selectors trimmed, empty ones dropped; null when no item selector is given.</summary>
    public SourceListing? Cleaned() => string.IsNullOrWhiteSpace(Item) ? null : new SourceListing
    {
        Item = Item.Trim(),
        Title = Trimmed(Title),
        Link = Trimmed(Link),
        Time = Trimmed(Time),
        Summary = Trimmed(Summary),
        Image = Trimmed(Image),
        DatePattern = Trimmed(DatePattern),
    };

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
