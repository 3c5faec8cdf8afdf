using System.Security.Cryptography;
using System.Text;

namespace FeedHub.Push;

/// <summary>Checks WebSub's <c>X-Hub-Signature: method=hex</c>, an HMAC of the pushed body under the subscription's secret.</summary>
internal static class HubSignature
{
    public static bool IsValid(string? header, ReadOnlySpan<byte> body, string secret)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Split('=', 2) is not [var method, var hex])
        {
            return false;
        }

        var key = Encoding.UTF8.GetBytes(secret);
        byte[] expected;
        switch (method.Trim().ToLowerInvariant())
        {
            case "sha1":
#pragma warning disable CA5350 // WebSub hubs still sign with SHA-1; as an HMAC it is not broken, and refusing it would refuse those hubs.
                expected = HMACSHA1.HashData(key, body);
#pragma warning restore CA5350
                break;
            case "sha256":
                expected = HMACSHA256.HashData(key, body);
                break;
            case "sha384":
                expected = HMACSHA384.HashData(key, body);
                break;
            case "sha512":
                expected = HMACSHA512.HashData(key, body);
                break;
            default:
                return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(hex.Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
