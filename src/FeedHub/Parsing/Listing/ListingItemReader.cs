using AngleSharp.Dom;

namespace FeedHub.Parsing.Listing;

/// <summary>Reads one matched item element into a <see cref="ParsedItem"/>: its link made absolute, its title as text.</summary>
/// <remarks>The item may lack a link or a title; the caller decides what to do with such an item.</remarks>
internal sealed class ListingItemReader(ListingSelectors selectors, Uri? pageBase, ListingTimeReader times, ParserLimits limits, ParseWarnings warnings)
{
    private const string Headings = "h1, h2, h3, h4, h5, h6";

    /// <summary>Lazy-loading pages keep the real picture in a data attribute and a placeholder in src.</summary>
    private static readonly string[] ImageSources = ["data-src", "data-original", "data-lazy-src", "src"];

    public ParsedItem Read(IElement item)
    {
        var timeElement = selectors.Time is { } time ? item.QuerySelector(time) : item.QuerySelector("time");
        return new ParsedItem
        {
            Link = Link(item),
            Title = Title(item),
            SummaryHtml = Summary(item),
            Enclosures = Image(item) is { } image ? [image] : [],
            Published = timeElement is null ? null : times.Read(ListingText.Of(timeElement), MachineTime(timeElement)),
            BaseUrl = pageBase,
        };
    }

    private string? Link(IElement item)
    {
        if (selectors.Link is { } selector)
        {
            return item.QuerySelector(selector) is { } chosen ? Href(chosen) ?? Href(chosen.QuerySelector("a[href]")) : null;
        }

        // A listing whose items are the links themselves ("ul.news li a").
        return Href(item) ?? item.QuerySelectorAll("a[href]").Select(Href).FirstOrDefault(href => href is not null);
    }

    private string? Title(IElement item)
    {
        if (selectors.Title is { } selector)
        {
            return NullIfEmpty(item.QuerySelector(selector) is { } chosen ? ListingText.Of(chosen) : null);
        }

        if (item.QuerySelector(Headings) is { } heading && NullIfEmpty(ListingText.Of(heading)) is { } headline)
        {
            return headline;
        }

        return item.LocalName == "a" && NullIfEmpty(ListingText.Of(item)) is { } own
            ? own
            : item.QuerySelectorAll("a[href]").Select(a => NullIfEmpty(ListingText.Of(a))).FirstOrDefault(text => text is not null);
    }

    private string? Summary(IElement item)
    {
        if (selectors.Summary is not { } selector || item.QuerySelector(selector) is not { } summary)
        {
            return null;
        }

        // The normalizer resolves an item's HTML against the article, but these URLs were written on the listing page.
        foreach (var element in summary.QuerySelectorAll("[href], [src]"))
        {
            Absolutize(element, "href");
            Absolutize(element, "src");
        }

        var html = summary.InnerHtml.Trim();
        if (html.Length > limits.MaxTextLength)
        {
            warnings.Add($"a text longer than {limits.MaxTextLength} characters was cut");
            html = html[..limits.MaxTextLength];
        }

        return html.Length > 0 ? html : null;
    }

    private ParsedEnclosure? Image(IElement item)
    {
        if (selectors.Image is not { } selector || item.QuerySelector(selector) is not { } chosen)
        {
            return null;
        }

        var image = chosen.LocalName == "img" ? chosen : chosen.QuerySelector("img") ?? chosen;
        var source = ImageSources
            .Select(image.GetAttribute)
            .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value) && !value.TrimStart().StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            ?? FirstSrcset(image.GetAttribute("srcset") ?? image.GetAttribute("data-srcset"));
        return ListingUrl.Resolve(source, pageBase) is { } url ? new ParsedEnclosure(url, ImageType(url), null) : null;
    }

    private string? Href(IElement? element) => element is null ? null : ListingUrl.Resolve(element.GetAttribute("href"), pageBase);

    private void Absolutize(IElement element, string attribute)
    {
        if (ListingUrl.Resolve(element.GetAttribute(attribute), pageBase) is { } absolute)
        {
            element.SetAttribute(attribute, absolute);
        }
    }

    private static string? MachineTime(IElement element) =>
        element.GetAttribute("datetime") ?? element.QuerySelector("[datetime]")?.GetAttribute("datetime");

    private static string? FirstSrcset(string? srcset) =>
        srcset?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Split(' ')[0];

    private static string? ImageType(string url) =>
        Path.GetExtension(new Uri(url).AbsolutePath).ToUpperInvariant() switch
        {
            ".JPG" or ".JPEG" => "image/jpeg",
            ".PNG" => "image/png",
            ".WEBP" => "image/webp",
            ".GIF" => "image/gif",
            ".AVIF" => "image/avif",
            _ => null,
        };

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
