using System.Text;
using Ganss.Xss;

namespace FeedHub.Normalizing;

/// <summary>Makes feed HTML safe to show: one configured HtmlSanitizer shared by every item (it is thread-safe once configured).</summary>
internal sealed class ContentSanitizer
{
    // Interactive and embedding elements: a reader never needs them and they are how feed HTML attacks.
    private static readonly string[] RemovedTags =
    [
        "form", "input", "button", "select", "option", "optgroup", "textarea", "label", "fieldset", "legend",
        "datalist", "output", "iframe", "frame", "frameset", "object", "embed", "applet", "script", "style",
        "link", "meta", "base", "dialog", "menu",
    ];

    private static readonly string[] MediaTags = ["<img", "<video", "<audio", "<picture", "<svg"];

    private readonly HtmlSanitizer _sanitizer;

    public ContentSanitizer()
    {
        _sanitizer = new HtmlSanitizer();
        foreach (var tag in RemovedTags)
        {
            _sanitizer.AllowedTags.Remove(tag);
        }

        // Inline styles fight the reader's own stylesheet and carry tracking pixels via url().
        _sanitizer.AllowedAttributes.Remove("style");
        _sanitizer.AllowedSchemes.Add("mailto");
    }

    /// <summary>Sanitizes HTML and resolves its relative URLs against <paramref name="baseUrl"/>.</summary>
    /// <returns>The safe HTML in NFC, or null when nothing worth showing is left.</returns>
    public string? Sanitize(string? html, Uri? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        var safe = _sanitizer.Sanitize(html, baseUrl is { IsAbsoluteUri: true } ? baseUrl.AbsoluteUri : string.Empty).Trim();
        if (safe.Length == 0)
        {
            return null;
        }

        var hasMedia = MediaTags.Any(tag => safe.Contains(tag, StringComparison.OrdinalIgnoreCase));
        return !hasMedia && PlainText.FromHtml(safe).Length == 0 ? null : safe.Normalize(NormalizationForm.FormC);
    }
}
