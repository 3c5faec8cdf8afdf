using System.Text;

namespace FeedHub.Normalizing;

/// <summary>
/// One spelling per article URL, so the same story linked from two campaigns is one item:
/// lowercase scheme and host, no default port, no fragment, no tracking parameters.
/// </summary>
internal static class LinkCanonicalizer
{
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "yclid", "_ga", "_gl",
        "igshid", "ref_src", "ref_url", "twclid", "ttclid", "li_fat_id", "mkt_tok", "_hsenc", "_hsmi", "__hstc", "__hssc",
        "__hsfp", "hsctatracking", "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv", "rb_clid", "s_cid", "srsltid",
        "cmpid", "wt.mc_id", "wt_mc_id", "ncid", "spm", "zarsrc", "zalo_source",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TrackingLookup =
        TrackingParameters.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Returns the canonical form of an absolute http(s) URL; anything else is returned unchanged.</summary>
    public static Uri Canonicalize(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return url;
        }

        // A link with nothing to drop and already in canonical form is its own canonical link: no second parse.
        if (url.Query.Length == 0 && url.Fragment.Length == 0 && url.UserInfo.Length == 0 && string.Equals(url.OriginalString, url.AbsoluteUri, StringComparison.Ordinal))
        {
            return url;
        }

        // SchemeAndServer omits the port when it is the scheme's default, and Uri has already lowercased scheme and host.
        var withoutQuery = url.GetComponents(UriComponents.SchemeAndServer | UriComponents.UserInfo | UriComponents.Path, UriFormat.UriEscaped);
        var query = url.Query.AsSpan().TrimStart('?');
        if (query.IsEmpty)
        {
            return new Uri(withoutQuery);
        }

        // Feed links usually carry only tracking parameters: then the link is the part before the query, with nothing to build.
        if (!HasKeptParameter(query))
        {
            return new Uri(withoutQuery);
        }

        // The kept parameters in their order, '&'-joined, as string.Join over the non-empty, non-tracking pairs.
        var canonical = new StringBuilder(withoutQuery.Length + query.Length + 1).Append(withoutQuery);
        var kept = 0;
        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            if (pair.IsEmpty || IsTracking(pair))
            {
                continue;
            }

            canonical.Append(kept++ == 0 ? '?' : '&').Append(pair);
        }

        return new Uri(canonical.ToString());
    }

    private static bool HasKeptParameter(ReadOnlySpan<char> query)
    {
        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            if (!pair.IsEmpty && !IsTracking(pair))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTracking(ReadOnlySpan<char> pair)
    {
        var separator = pair.IndexOf('=');
        var name = separator < 0 ? pair : pair[..separator];
        if (name.Contains('%'))
        {
            return IsTrackingName(Uri.UnescapeDataString(name.ToString()));
        }

        return name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingLookup.Contains(name);
    }

    private static bool IsTrackingName(string name) =>
        name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(name);
}
