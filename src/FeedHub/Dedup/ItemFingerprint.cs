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
        var fields = new List<string?>(8 + item.Authors.Count + item.Categories.Count + item.Enclosures.Count)
        {
            item.Title, item.Link?.AbsoluteUri, item.Summary, item.Content,
        };
        fields.AddRange(item.Authors.Select(author => $"author:{author.Name}|{author.Email}|{author.Uri?.AbsoluteUri}"));
        fields.AddRange(item.Categories.Select(category => $"category:{category}"));
        fields.AddRange(item.Enclosures.Select(enclosure => $"enclosure:{enclosure.Url.AbsoluteUri}|{enclosure.Type}|{enclosure.Length}"));
        fields.Add(item.Published?.UtcTicks.ToString(CultureInfo.InvariantCulture));
        fields.Add(item.Updated?.UtcTicks.ToString(CultureInfo.InvariantCulture));

        // One pooled buffer and one hash call: a whole-item string, its UTF-8 copy, or a native call per field
        // each cost more than the hashing itself.
        var size = fields.Sum(field => 16 + (field is null ? 0 : Encoding.UTF8.GetMaxByteCount(field.Length)));
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var length = 0;
            foreach (var field in fields)
            {
                length += Field(field, buffer.AsSpan(length));
            }

            return Convert.ToHexStringLower(SHA256.HashData(buffer.AsSpan(0, length)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Length-prefixed so that moving text from one field to the next changes the hash.
    private static int Field(string? value, Span<byte> output)
    {
        int written;
        if (value is null)
        {
            "-1:"u8.CopyTo(output);
            written = 3;
        }
        else
        {
            value.Length.TryFormat(output, out written, provider: CultureInfo.InvariantCulture);
            output[written++] = (byte)':';
            written += Encoding.UTF8.GetBytes(value, output[written..]);
        }

        output[written++] = (byte)'\n';
        return written;
    }

}
