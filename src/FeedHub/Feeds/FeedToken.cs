using System.Security.Cryptography;
using System.Text;

namespace FeedHub.Feeds;

/// <summary>The secret a private feed's readers keep in its URL (?token=…).</summary>
internal static class FeedToken
{
    public const int MinLength = 16;
    public const int MaxLength = 200;

    /// <summary>32 random bytes as URL-safe base64: nothing in it needs escaping in a query string.</summary>
    public static string Create() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// Compares in constant time. Both sides are hashed first, so not even the token's length leaks
    /// through timing.
    /// </summary>
    public static bool Matches(string? expected, string? given) =>
        expected is not null && given is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));

    /// <summary>Characters that survive a URL unescaped (RFC 3986 unreserved).</summary>
    public static bool IsWellFormed(string token) =>
        token.Length is >= MinLength and <= MaxLength && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~');
}
