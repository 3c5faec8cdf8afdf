using System.Security.Cryptography;
using System.Text;

namespace FeedHub.Api;

internal static class ApiKeyHash
{
    public const string Prefix = "sha256:";

    public static string Of(string key) => Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool IsWellFormed(string? hash) =>
        hash is { Length: 71 } && hash.StartsWith(Prefix, StringComparison.Ordinal) && hash[Prefix.Length..].All(char.IsAsciiHexDigitLower);

    /// <summary>Compares in constant time, so response timing says nothing about how close a guess was.</summary>
    public static bool Matches(string key, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Of(key)), Encoding.ASCII.GetBytes(hash));

    /// <summary>A new random key, 32 bytes, URL-safe.</summary>
    public static string NewKey() => "fh_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
