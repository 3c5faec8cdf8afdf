namespace FeedHub.Parsing.Listing;

/// <summary>A URL written on a listing page, made absolute against the page; only web addresses count.</summary>
internal static class ListingUrl
{
    /// <returns>The absolute http(s) URL, or null for none, a fragment, a script or anything unresolvable.</returns>
    public static string? Resolve(string? href, Uri? pageBase)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        var text = href.Trim();
        if (text.StartsWith('#'))
        {
            return null;
        }

        // On Unix "/thoi-su/a.html" parses as an absolute file: URI; on a web page it is site-relative.
        var url = Uri.TryCreate(text, UriKind.Absolute, out var absolute) && !absolute.IsFile
            ? absolute
            : pageBase is { IsAbsoluteUri: true } && Uri.TryCreate(pageBase, text, out var resolved) ? resolved : null;
        return url is not null && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) ? url.AbsoluteUri : null;
    }
}
