namespace FeedHub.Parsing;

/// <summary>Names the media type of an image or media file a feed gave without one.</summary>
internal static class MediaTypes
{
    public static string ForImage(string? url) => Extension(url) switch
    {
        ".png" => "image/png",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        ".avif" => "image/avif",
        ".svg" => "image/svg+xml",
        _ => "image/jpeg",
    };

    /// <summary>Media RSS says "image", "video" or "audio" where an enclosure would give a media type.</summary>
    public static string? FromMedium(string? medium, string? url) => medium?.Trim().ToLowerInvariant() switch
    {
        "image" => ForImage(url),
        "video" => Extension(url) == ".webm" ? "video/webm" : "video/mp4",
        "audio" => Extension(url) switch { ".m4a" => "audio/mp4", ".ogg" => "audio/ogg", _ => "audio/mpeg" },
        _ => null,
    };

    private static string Extension(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return string.Empty;
        }

        var path = url.AsSpan();
        var query = path.IndexOfAny('?', '#');
        if (query >= 0)
        {
            path = path[..query];
        }

        var dot = path.LastIndexOf('.');
        var slash = path.LastIndexOf('/');
        return dot > slash ? path[dot..].ToString().ToLowerInvariant() : string.Empty;
    }
}
