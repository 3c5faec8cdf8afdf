using FeedHub.Contracts;

namespace FeedHub.Parsing;

/// <summary>
/// An item while its elements are being read, in whatever order the feed wrote them. Fallbacks (dc:date for
/// pubDate, media:title for title, itunes:summary for description) are settled once, in <see cref="ToParsedItem"/>.
/// </summary>
internal sealed class ItemDraft(Uri? baseUrl)
{
    /// <summary>The item's own base, for its enclosure URLs.</summary>
    private readonly Uri? _linkBase = baseUrl;

    /// <summary>The base for the item's HTML; Atom content may set its own.</summary>
    public Uri? BaseUrl { get; set; } = baseUrl;
    public string? Id { get; set; }
    public string? Link { get; set; }
    public string? PermaLink { get; set; }
    public string? AlternateLink { get; set; }
    public string? Title { get; set; }
    public string? FallbackTitle { get; set; }
    public string? Summary { get; set; }
    public string? FallbackSummary { get; set; }
    public string? Content { get; set; }
    public List<FeedAuthor> Authors { get; } = [];
    public string? FallbackAuthor { get; set; }
    public List<string> Categories { get; } = [];
    public List<ParsedEnclosure> Enclosures { get; } = [];
    public DateTimeOffset? Published { get; set; }
    public DateTimeOffset? FallbackPublished { get; set; }
    public DateTimeOffset? Updated { get; set; }

    public void AddEnclosure(string? url, string? type, long? length)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return;
        }

        var trimmed = url.Trim();
        if (!HasEnclosure(trimmed))
        {
            Enclosures.Add(new ParsedEnclosure(trimmed, string.IsNullOrWhiteSpace(type) ? null : type.Trim(), length is > 0 ? length : null));
        }
    }

    public ParsedItem ToParsedItem()
    {
        var authors = Authors.Count == 0 && !string.IsNullOrWhiteSpace(FallbackAuthor) ? [new FeedAuthor(FallbackAuthor.Trim())] : Authors;
        return new ParsedItem
        {
            Id = NullIfBlank(Id),
            Link = NullIfBlank(Link) ?? NullIfBlank(AlternateLink) ?? PermaLink,
            Title = NullIfBlank(Title) ?? NullIfBlank(FallbackTitle),
            SummaryHtml = NullIfBlank(Summary) ?? NullIfBlank(FallbackSummary),
            ContentHtml = NullIfBlank(Content),
            Authors = authors,
            Categories = Categories,
            Enclosures = ResolvedEnclosures(),
            Published = Published ?? FallbackPublished,
            Updated = Updated,
            BaseUrl = BaseUrl,
        };
    }

    private bool HasEnclosure(string url)
    {
        foreach (var enclosure in Enclosures)
        {
            if (enclosure.Url == url)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The enclosures with their URLs made absolute, in place: nearly all of them are absolute already.</summary>
    private List<ParsedEnclosure> ResolvedEnclosures()
    {
        for (var i = 0; i < Enclosures.Count; i++)
        {
            var url = Resolve(Enclosures[i].Url);
            if (!ReferenceEquals(url, Enclosures[i].Url))
            {
                Enclosures[i] = Enclosures[i] with { Url = url };
            }
        }

        return Enclosures;
    }

    /// <summary>A relative enclosure URL is relative to the document (and its xml:base), not to the article page.</summary>
    private string Resolve(string url) =>
        _linkBase is { IsAbsoluteUri: true } && !IsWebAddress(url) && Uri.TryCreate(url, UriKind.Relative, out _) && Uri.TryCreate(_linkBase, url, out var absolute)
            ? absolute.AbsoluteUri
            : url;

    private static bool IsWebAddress(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
