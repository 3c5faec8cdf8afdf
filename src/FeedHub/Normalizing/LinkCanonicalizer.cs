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

    /// <summary>Returns the canonical form of an absolute http(s) URL; anything else is returned unchanged.</summary>
    public static Uri Canonicalize(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return url;
        }

        // SchemeAndServer omits the port when it is the scheme's default, and Uri has already lowercased scheme and host.
        var withoutQuery = url.GetComponents(UriComponents.SchemeAndServer | UriComponents.UserInfo | UriComponents.Path, UriFormat.UriEscaped);
        var kept = url.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !IsTracking(pair))
            .ToList();

        return new Uri(kept.Count == 0 ? withoutQuery : $"{withoutQuery}?{string.Join('&', kept)}");
    }

    private static bool IsTracking(string pair)
    {
        var separator = pair.IndexOf('=', StringComparison.Ordinal);
        var name = Uri.UnescapeDataString(separator < 0 ? pair : pair[..separator]);
        return name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(name);
    }
}
