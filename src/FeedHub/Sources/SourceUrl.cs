using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

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

    /// <summary>Lowercase hex SHA-256 of the URL as stored: the unique key of a source's URL.</summary>
    public static string HashOf(string url) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)));
}
