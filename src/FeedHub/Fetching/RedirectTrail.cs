using System.Net;

namespace FeedHub.Fetching;

/// <summary>
/// The redirects one fetch follows, hop by hop. FeedFetcher follows them itself rather than leaving it to
/// HttpClient, to tell a permanent move (which updates the source) from a temporary one (which does not),
/// to stop loops, and to keep the operator's headers and credentials from travelling to another origin.
/// </summary>
internal sealed class RedirectTrail
{
    private readonly Uri _start;
    private readonly int _maxRedirects;
    private readonly HashSet<string> _visited;

    public RedirectTrail(Uri start, int maxRedirects)
    {
        _start = start;
        _maxRedirects = maxRedirects;
        _visited = new HashSet<string>(StringComparer.Ordinal) { start.AbsoluteUri };
        Current = start;
    }

    public Uri Current { get; private set; }

    public int Hops { get; private set; }

    public bool AllPermanent { get; private set; } = true;

    /// <summary>Whether the current URL is still on the origin the operator configured.</summary>
    public bool OnStartOrigin => Uri.Compare(Current, _start, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    public static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    /// <returns>Null when the hop may be followed; otherwise why not, for the operator.</returns>
    public string? Follow(HttpResponseMessage response)
    {
        if (response.Headers.Location is not { } location)
        {
            return $"HTTP {(int)response.StatusCode} redirect without a Location header";
        }

        var next = location.IsAbsoluteUri ? location : new Uri(Current, location);
        if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
        {
            return $"redirect to a {next.Scheme}: address, which is not a web feed";
        }

        if (Hops >= _maxRedirects)
        {
            return $"more than {_maxRedirects} redirects (last to {next})";
        }

        if (!_visited.Add(next.AbsoluteUri))
        {
            return $"redirect loop: {next} was already visited";
        }

        Hops++;
        AllPermanent &= response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.PermanentRedirect;
        Current = next;
        return null;
    }

    public Uri? MovedPermanentlyTo => Hops > 0 && AllPermanent ? Current : null;
}
