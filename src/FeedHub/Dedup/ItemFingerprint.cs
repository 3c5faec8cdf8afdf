using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FeedHub.Normalizing;

namespace FeedHub.Dedup;

/// <summary>
/// The one place an item's identity and its content hash are computed. The key is per source; storage
/// pairs it with the source and a unique index has the final say.
/// </summary>
internal static class ItemFingerprint
{
    /// <summary>
    /// The feed's own id when it has one, else the canonical link, else the text. Kind-prefixed so an id that
    /// happens to equal a link never collides with it.
    /// </summary>
    /// <returns>32 lowercase hex characters (the first 16 bytes of a SHA-256).</returns>
    public static string Key(string? feedGuid, Uri? canonicalLink, string title, string? text)
    {
        var value = (feedGuid, canonicalLink) switch
        {
            ({ Length: > 0 } guid, _) => $"guid\n{guid}",
            (_, { } link) => $"link\n{link.AbsoluteUri}",
            _ => $"text\n{title}\n{text}",
        };

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)).AsSpan(0, 16));
    }

    /// <summary>Hash of everything a reader sees, so an edit at the source changes it. The item's own hash is ignored.</summary>
    /// <returns>64 lowercase hex characters.</returns>
    public static string ContentHash(NormalizedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        // Streamed into the hash field by field: a whole-item string and its UTF-8 copy cost more than the item itself.
        using var text = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Field(text, item.Title);
        Field(text, item.Link?.AbsoluteUri);
        Field(text, item.Summary);
        Field(text, item.Content);
        foreach (var author in item.Authors)
        {
            Field(text, $"author:{author.Name}|{author.Email}|{author.Uri?.AbsoluteUri}");
        }

        foreach (var category in item.Categories)
        {
            Field(text, $"category:{category}");
        }

        foreach (var enclosure in item.Enclosures)
        {
            Field(text, $"enclosure:{enclosure.Url.AbsoluteUri}|{enclosure.Type}|{enclosure.Length}");
        }

        Field(text, item.Published?.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Field(text, item.Updated?.UtcTicks.ToString(CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(text.GetHashAndReset());
    }

    // Length-prefixed so that moving text from one field to the next changes the hash.
    private static void Field(IncrementalHash hash, string? value)
    {
        Append(hash, value is null ? "-1:" : string.Concat(value.Length.ToString(CultureInfo.InvariantCulture), ":"));
        Append(hash, value);
        Append(hash, "\n");
    }

    private static void Append(IncrementalHash hash, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(value.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(value, buffer);
            hash.AppendData(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
