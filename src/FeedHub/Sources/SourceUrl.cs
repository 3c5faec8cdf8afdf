using System.Diagnostics.CodeAnalysis;

namespace FeedHub.Sources;

internal static class SourceUrl
{
    public static bool TryParse(string? value, [NotNullWhen(true)] out Uri? url)
    {
        url = null;
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var parsed))
        {
            return false;
        }

        if (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
        {
            return false;
        }

        url = parsed;
        return true;
    }

    /// <summary>A source's id follows from its URL, so every node syncing the same configuration agrees.</summary>
    public static Guid IdFor(Uri url) => DeterministicGuid.Create($"source:{url.AbsoluteUri}");
}
