using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace FeedHub.Parsing.Listing;

/// <summary>
/// Reads a site that has no feed: finds its news items on a listing page by the operator's CSS selectors and
/// returns them as a <see cref="ParsedFeed"/>, so the rest of the pipeline treats them like any feed's items.
/// </summary>
/// <remarks>Stateless and thread-safe: one instance serves every source.</remarks>
internal sealed class HtmlListingReader(ParserLimits limits)
{
    public HtmlListingReader()
        : this(ParserLimits.Default)
    {
    }

    /// <param name="contentType">The HTTP Content-Type, for its charset; <see cref="ParseContext.ContentType"/> when null.</param>
    /// <returns>The items found, or a rejection when the selectors are unusable or the page cannot be read at all.</returns>
    public FeedParseResult Read(byte[] body, string? contentType, ListingSelectors selectors, ParseContext context)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(selectors);
        ArgumentNullException.ThrowIfNull(context);

        if (selectors.Validate() is { Count: > 0 } errors)
        {
            return Reject(string.Join("; ", errors));
        }

        if (body.Length > limits.MaxBytes)
        {
            return Reject($"document is larger than the limit of {limits.MaxBytes} bytes");
        }

        if (body.AsSpan().Trim(" \t\r\n\0"u8).IsEmpty)
        {
            return Reject("empty document");
        }

        try
        {
            return new FeedParseResult.Parsed(ReadPage(body, contentType ?? context.ContentType, selectors, context));
        }
#pragma warning disable CA1031 // Any page must come back as a result: a reader bug on one site must not stop a poll cycle.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return Reject($"could not be read: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    private ParsedFeed ReadPage(byte[] body, string? contentType, ListingSelectors selectors, ParseContext context)
    {
        var warnings = new ParseWarnings();
        var parser = new HtmlParser();
        using var document = parser.ParseDocument(HtmlPageText.Decode(body, contentType, context.TimeZone, warnings));
        var language = NullIfBlank(document.DocumentElement.GetAttribute("lang"));
        var pageBase = PageBase(document, context.BaseUrl);
        var pattern = selectors.DatePattern is { } datePattern ? ListingDatePattern.Create(datePattern) : null;
        var times = new ListingTimeReader(context, pattern, DayFirst(language, context.TimeZone), warnings);
        var elements = document.QuerySelectorAll(selectors.Item);
        var items = ReadItems(elements, new ListingItemReader(selectors, pageBase, times, limits, warnings), warnings);
        if (items.Count == 0)
        {
            warnings.Add(ItemsMissing(selectors.Item, elements.Length));
        }

        return new ParsedFeed(
            FeedFormat.HtmlListing,
            NullIfBlank(document.Title),
            context.BaseUrl?.AbsoluteUri,
            NullIfBlank(document.QuerySelector("meta[name=description i]")?.GetAttribute("content")),
            language,
            null,
            items,
            warnings.ToList());
    }

    /// <summary>The page's items in page order: one per link, with a link and a title, at most the item limit.</summary>
    private List<ParsedItem> ReadItems(IHtmlCollection<IElement> elements, ListingItemReader reader, ParseWarnings warnings)
    {
        var items = new List<ParsedItem>();
        var links = new HashSet<string>(StringComparer.Ordinal);
        int withoutLink = 0, withoutTitle = 0, repeated = 0, beyondLimit = 0;
        foreach (var element in elements)
        {
            var item = reader.Read(element);
            if (item.Link is null)
            {
                withoutLink++;
            }
            else if (item.Title is null)
            {
                withoutTitle++;
            }
            else if (!links.Add(item.Link))
            {
                // Top stories repeat further down the same page; the first place is the one the site gave it.
                repeated++;
            }
            else if (items.Count >= limits.MaxItems)
            {
                beyondLimit++;
            }
            else
            {
                items.Add(item);
            }
        }

        Count(warnings, withoutLink, "item(s) without a link skipped");
        Count(warnings, withoutTitle, "item(s) without a title skipped");
        Count(warnings, repeated, "item(s) repeating an earlier link on the page skipped; the first is kept");
        Count(warnings, beyondLimit, $"item(s) beyond the limit of {limits.MaxItems} dropped");
        return items;
    }

    /// <summary>A changed site layout shows here first, so the warning says which selector to look at.</summary>
    private static string ItemsMissing(string itemSelector, int matched) => matched == 0
        ? $"the item selector \"{itemSelector}\" matched nothing; the page layout may have changed"
        : $"the item selector \"{itemSelector}\" matched {matched} element(s), but none had both a link and a title";

    private static void Count(ParseWarnings warnings, int count, string what)
    {
        if (count > 0)
        {
            warnings.Add($"{count} {what}");
        }
    }

    /// <summary>&lt;base href&gt; changes how the page's relative links resolve.</summary>
    private static Uri? PageBase(IHtmlDocument document, Uri? pageUrl) =>
        document.QuerySelector("base[href]")?.GetAttribute("href") is { } href
            && ListingUrl.Resolve(href, pageUrl) is { } declared
            ? new Uri(declared)
            : pageUrl;

    /// <summary>Vietnamese pages write numeric dates day first; their 01/19/2026 is a mistake, never January 19.</summary>
    private static bool DayFirst(string? language, TimeZoneInfo zone) =>
        language?.StartsWith("vi", StringComparison.OrdinalIgnoreCase) == true || zone.Id is "Asia/Ho_Chi_Minh" or "Asia/Saigon";

    private static FeedParseResult.Rejected Reject(string reason) => new(FeedFormat.HtmlListing, reason, []);

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
