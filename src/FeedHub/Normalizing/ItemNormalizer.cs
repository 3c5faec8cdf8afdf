using FeedHub.Contracts;
using FeedHub.Dedup;
using FeedHub.Parsing;

namespace FeedHub.Normalizing;

/// <summary>
/// Brings a parsed feed into FeedHub's common model: absolute canonical links, plain-text titles,
/// sanitized HTML, NFC everywhere, UTC dates, one item per key.
/// </summary>
/// <remarks>Thread-safe: all per-feed state lives in locals.</remarks>
internal sealed class ItemNormalizer(ContentSanitizer sanitizer)
{
    private const int TitleExcerptLength = 100;

    /// <param name="feedUrl">Where the feed was fetched from; the last resort for resolving relative links.</param>
    public NormalizedFeed Normalize(ParsedFeed feed, Uri? feedUrl)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var warnings = new ParseWarnings();
        foreach (var warning in feed.Warnings)
        {
            warnings.Add(warning);
        }

        var feedLink = CanonicalLink(feed.Link, [feedUrl], warnings);
        var items = new List<NormalizedItem>(feed.Items.Count);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parsed in feed.Items)
        {
            if (NormalizeItem(parsed, feedLink, feedUrl, warnings) is not { } item)
            {
                continue;
            }

            if (!keys.Add(item.Key))
            {
                warnings.Add($"duplicate item \"{item.FeedGuid ?? item.Link?.AbsoluteUri ?? item.Title}\" skipped; the first one is kept");
                continue;
            }

            items.Add(item);
        }

        return new NormalizedFeed(
            feed.Format,
            NullIfEmpty(PlainText.FromHtml(feed.Title)),
            feedLink,
            NullIfEmpty(PlainText.FromHtml(feed.Description)),
            NullIfEmpty(Nfc(feed.Language)),
            feed.Updated?.ToUniversalTime(),
            items,
            warnings.ToList());
    }

    private NormalizedItem? NormalizeItem(ParsedItem parsed, Uri? feedLink, Uri? feedUrl, ParseWarnings warnings)
    {
        var link = CanonicalLink(parsed.Link, [parsed.BaseUrl, feedLink, feedUrl], warnings);
        // An item base that differs from the feed URL came from xml:base and governs its HTML; otherwise relative
        // URLs in an article's HTML are relative to the article's own page, not to the feed document.
        var htmlBase = parsed.BaseUrl is { } itemBase && itemBase != feedUrl ? itemBase : link ?? feedLink ?? feedUrl;
        var summary = sanitizer.Sanitize(parsed.SummaryHtml, htmlBase);
        var content = sanitizer.Sanitize(parsed.ContentHtml, htmlBase);
        var guid = NullIfEmpty(Nfc(parsed.Id));

        var title = PlainText.FromHtml(parsed.Title);
        if (title.Length == 0)
        {
            var text = PlainText.FromHtml(summary ?? content);
            if (guid is null && link is null && text.Length == 0)
            {
                warnings.Add("dropped an item with no id, link, title or text");
                return null;
            }

            title = text.Length > 0 ? PlainText.Excerpt(text, TitleExcerptLength) : link?.AbsoluteUri ?? guid!;
            warnings.Add("an item had no title; used the start of its text or its link");
        }

        var visible = new ItemFingerprint.ReaderVisible(
            title,
            link,
            summary,
            content,
            Authors(parsed.Authors),
            Categories(parsed.Categories),
            Enclosures(parsed.Enclosures, htmlBase, warnings),
            parsed.Published?.ToUniversalTime(),
            parsed.Updated?.ToUniversalTime());
        return new NormalizedItem
        {
            Key = ItemFingerprint.Key(guid, link, title, summary ?? content),
            FeedGuid = guid,
            Link = link,
            Title = title,
            Summary = summary,
            Content = content,
            Authors = visible.Authors,
            Categories = visible.Categories,
            Enclosures = visible.Enclosures,
            Published = visible.Published,
            Updated = visible.Updated,
            ContentHash = ItemFingerprint.ContentHash(visible),
        };
    }

    private static Uri? CanonicalLink(string? link, ReadOnlySpan<Uri?> bases, ParseWarnings warnings) =>
        WebUrl(link, bases, warnings) is { } absolute ? LinkCanonicalizer.Canonicalize(absolute) : null;

    /// <summary>Resolves a URL against the first base that makes it absolute, keeping only web URLs.</summary>
    private static Uri? WebUrl(string? link, ReadOnlySpan<Uri?> bases, ParseWarnings warnings)
    {
        if (string.IsNullOrWhiteSpace(link))
        {
            return null;
        }

        var text = link.Trim();
        if (Absolute(text, bases) is { } absolute && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
        {
            return absolute;
        }

        warnings.Add($"link \"{Nfc(text)}\" is not an absolute web address; dropped");
        return null;
    }

    private static Uri? Absolute(string text, ReadOnlySpan<Uri?> bases)
    {
        if (!Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var uri))
        {
            return null;
        }

        // On Unix a rooted path parses as an absolute file: URI; in a feed it is a site-relative link.
        if (uri.IsAbsoluteUri && !uri.IsFile)
        {
            return uri;
        }

        var relative = uri.IsAbsoluteUri ? new Uri(text, UriKind.Relative) : uri;
        foreach (var candidate in bases)
        {
            if (candidate is { IsAbsoluteUri: true } && Uri.TryCreate(candidate, relative, out var resolved))
            {
                return resolved;
            }
        }

        return null;
    }

    private static IReadOnlyList<FeedAuthor> Authors(IReadOnlyList<FeedAuthor> authors)
    {
        if (authors.Count == 0)
        {
            return Array.Empty<FeedAuthor>();
        }

        var result = new List<FeedAuthor>(authors.Count);
        for (var i = 0; i < authors.Count; i++)
        {
            var author = authors[i];
            var name = PlainText.FromHtml(author.Name);
            var email = NullIfEmpty(Nfc(author.Email));
            if (name.Length == 0 && email is null)
            {
                continue;
            }

            var normalized = new FeedAuthor(name.Length > 0 ? name : email!, email, author.Uri);
            if (!result.Contains(normalized))
            {
                result.Add(normalized);
            }
        }

        return result;
    }

    private static IReadOnlyList<string> Categories(IReadOnlyList<string> categories)
    {
        if (categories.Count == 0)
        {
            return Array.Empty<string>();
        }

        // An item has a handful of categories: a scan of the kept ones is the same case-insensitive set, without a set per item.
        var result = new List<string>(categories.Count);
        for (var i = 0; i < categories.Count; i++)
        {
            var name = PlainText.FromHtml(categories[i]);
            if (name.Length > 0 && !ContainsIgnoringCase(result, name))
            {
                result.Add(name);
            }
        }

        return result;
    }

    private static bool ContainsIgnoringCase(List<string> kept, string name)
    {
        foreach (var other in kept)
        {
            if (string.Equals(other, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static IReadOnlyList<FeedEnclosure> Enclosures(IReadOnlyList<ParsedEnclosure> enclosures, Uri? baseUrl, ParseWarnings warnings)
    {
        if (enclosures.Count == 0)
        {
            return Array.Empty<FeedEnclosure>();
        }

        var result = new List<FeedEnclosure>(enclosures.Count);
        for (var i = 0; i < enclosures.Count; i++)
        {
            var enclosure = enclosures[i];

            // Not canonicalized: media hosts sign their URLs, and a podcast file is no article to deduplicate.
            if (WebUrl(enclosure.Url, [baseUrl], warnings) is { } url)
            {
                var type = NullIfEmpty(Nfc(enclosure.Type));
                result.Add(new FeedEnclosure(url, type, enclosure.Length));
            }
        }

        return result;
    }

    private static string? Nfc(string? value) => value is null ? null : NfcText.Normalize(value.Trim());

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
