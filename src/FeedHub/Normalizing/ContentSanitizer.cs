using System.Globalization;
using AngleSharp.Dom;
using Ganss.Xss;

namespace FeedHub.Normalizing;

/// <summary>
/// Makes feed HTML safe to show. HTML already inside the allowlist passes after a one-pass check
/// (<see cref="AllowlistedHtml"/>); everything else goes through one configured HtmlSanitizer shared by every
/// item (it is thread-safe once configured), built the first time some HTML needs it: setting up AngleSharp
/// costs a short `feedhub parse` run more than all its feeds when the fast path decides them all.
/// </summary>
internal sealed class ContentSanitizer
{
    // Interactive and embedding elements: a reader never needs them and they are how feed HTML attacks.
    private static readonly string[] RemovedTags =
    [
        "form", "input", "button", "select", "option", "optgroup", "textarea", "label", "fieldset", "legend",
        "datalist", "output", "iframe", "frame", "frameset", "object", "embed", "applet", "script", "style",
        "link", "meta", "base", "dialog", "menu",
    ];

    private static readonly string[] DataImageTypes = ["data:image/png;", "data:image/jpeg;", "data:image/gif;", "data:image/webp;", "data:image/avif;"];

    private static readonly string[] MediaTags = ["<img", "<video", "<audio", "<picture", "<svg", "<iframe"];

    private readonly Lazy<HtmlSanitizer> _sanitizer;
    private readonly string[] _iframeHosts;

    public ContentSanitizer()
        : this(new NormalizingOptions())
    {
    }

    public ContentSanitizer(NormalizingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _iframeHosts = [.. options.IframeHosts.Select(h => h.Trim().ToLowerInvariant()).Where(h => h.Length > 0)];
        _sanitizer = new Lazy<HtmlSanitizer>(Configure, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private HtmlSanitizer Configure()
    {
        var sanitizer = new HtmlSanitizer();
        foreach (var tag in RemovedTags)
        {
            sanitizer.AllowedTags.Remove(tag);
        }

        if (_iframeHosts.Length > 0)
        {
            // Video players from the configured hosts are content; PostProcessNode removes every other iframe.
            sanitizer.AllowedTags.Add("iframe");
            sanitizer.AllowedAttributes.Add("allowfullscreen");
        }

        // Inline styles fight the reader's own stylesheet, carry tracking pixels via url() and, in old browsers, script.
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedSchemes.Add("mailto");

        // data: is allowed only so that inline images survive; FilterUrl drops every other data: URL.
        sanitizer.AllowedSchemes.Add("data");
        sanitizer.FilterUrl += (_, e) =>
        {
            if (e.OriginalUrl.TrimStart().StartsWith("data:", StringComparison.OrdinalIgnoreCase)
                && !(e.Tag.LocalName == "img" && DataImageTypes.Any(t => e.OriginalUrl.TrimStart().StartsWith(t, StringComparison.OrdinalIgnoreCase))))
            {
                e.SanitizedUrl = null;
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement element && (IsTrackingPixel(element) || (element.LocalName == "iframe" && !IsAllowedIframe(element))))
            {
                element.Remove();
            }
        };
        return sanitizer;
    }

    /// <summary>Sanitizes HTML and resolves its relative URLs against <paramref name="baseUrl"/>.</summary>
    /// <returns>The safe HTML in NFC, or null when nothing worth showing is left.</returns>
    public string? Sanitize(string? html, Uri? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        if (AllowlistedHtml.TryPass(html, baseUrl, out var passed, out var visible))
        {
            return visible ? NfcText.Normalize(passed) : null;
        }

        var safe = _sanitizer.Value.Sanitize(html, baseUrl is { IsAbsoluteUri: true } ? baseUrl.AbsoluteUri : string.Empty).Trim();
        if (safe.Length == 0)
        {
            return null;
        }

        var hasMedia = MediaTags.Any(tag => safe.Contains(tag, StringComparison.OrdinalIgnoreCase));
        return !hasMedia && PlainText.FromHtml(safe).Length == 0 ? null : NfcText.Normalize(safe);
    }

    private static bool IsTrackingPixel(IElement element) =>
        element.LocalName == "img" && Dimension(element, "width") is <= 1 && Dimension(element, "height") is <= 1;

    private static int? Dimension(IElement element, string name) =>
        int.TryParse(element.GetAttribute(name)?.Trim().TrimEnd('x', 'p'), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private bool IsAllowedIframe(IElement iframe)
    {
        if (!Uri.TryCreate(iframe.GetAttribute("src")?.Trim(), UriKind.Absolute, out var src) || src.Scheme != Uri.UriSchemeHttps)
        {
            return false;
        }

        var host = src.Host.ToLowerInvariant();
        return _iframeHosts.Any(allowed => host == allowed || host.EndsWith("." + allowed, StringComparison.Ordinal));
    }
}
