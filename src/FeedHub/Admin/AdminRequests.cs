namespace FeedHub.Admin;

internal static class AdminRequests
{
    /// <summary>
    /// A form posted from this FeedHub's own page. Browsers send Origin (or Sec-Fetch-Site) with every
    /// POST; a client that sends neither is not a browser another site could have steered.
    /// </summary>
    public static bool IsSameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
        {
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var from)
            && string.Equals(from.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
