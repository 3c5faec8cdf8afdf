using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using FeedHub.Contracts;
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
    /// <returns>32 lowercase hex characters (the first 16 bytes of a SHA-256 of the UTF-8 text).</returns>
    public static string Key(string? feedGuid, Uri? canonicalLink, string title, string? text) => (feedGuid, canonicalLink) switch
    {
        ({ Length: > 0 } guid, _) => Key("guid\n"u8, guid, null, null),
        (_, { } link) => Key("link\n"u8, link.AbsoluteUri, null, null),
        _ => Key("text\n"u8, title, "\n", text),
    };

    /// <summary>
    /// Hash of everything a reader sees, so an edit at the source changes it. The item's own hash is ignored.
    /// Each text goes in as its UTF-16 code units, length-prefixed, and each list with its count: no transcoding,
    /// no string built per field, and moving text from one field to another still changes the hash.
    /// </summary>
    /// <returns>64 lowercase hex characters (a SHA-256).</returns>
    public static string ContentHash(NormalizedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return ContentHash(new ReaderVisible(item.Title, item.Link, item.Summary, item.Content, item.Authors, item.Categories, item.Enclosures, item.Published, item.Updated));
    }

    /// <summary>The hash of an item still being built, so that the item is made once, with its hash.</summary>
    public static string ContentHash(in ReaderVisible item)
    {
        // Indexed loops: a foreach over an IReadOnlyList boxes its enumerator, three per item.
        var size = 64 + Size(item.Title) + Size(item.Link?.AbsoluteUri) + Size(item.Summary) + Size(item.Content);
        for (var i = 0; i < item.Authors.Count; i++)
        {
            var author = item.Authors[i];
            size += Size(author.Name) + Size(author.Email) + Size(author.Uri?.AbsoluteUri);
        }

        for (var i = 0; i < item.Categories.Count; i++)
        {
            size += Size(item.Categories[i]);
        }

        for (var i = 0; i < item.Enclosures.Count; i++)
        {
            var enclosure = item.Enclosures[i];
            size += Size(enclosure.Url.AbsoluteUri) + Size(enclosure.Type) + 9;
        }

        // One pooled buffer and one hash call: a native call per field costs more than the hashing itself.
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var input = new HashInput(buffer);
            input.Text(item.Title);
            input.Text(item.Link?.AbsoluteUri);
            input.Text(item.Summary);
            input.Text(item.Content);
            input.Count(item.Authors.Count);
            for (var i = 0; i < item.Authors.Count; i++)
            {
                var author = item.Authors[i];
                input.Text(author.Name);
                input.Text(author.Email);
                input.Text(author.Uri?.AbsoluteUri);
            }

            input.Count(item.Categories.Count);
            for (var i = 0; i < item.Categories.Count; i++)
            {
                input.Text(item.Categories[i]);
            }

            input.Count(item.Enclosures.Count);
            for (var i = 0; i < item.Enclosures.Count; i++)
            {
                var enclosure = item.Enclosures[i];
                input.Text(enclosure.Url.AbsoluteUri);
                input.Text(enclosure.Type);
                input.Number(enclosure.Length);
            }

            input.Number(item.Published?.UtcTicks);
            input.Number(item.Updated?.UtcTicks);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, input.Length), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string Key(ReadOnlySpan<byte> kind, string first, string? separator, string? second)
    {
        var size = kind.Length + Encoding.UTF8.GetMaxByteCount(first.Length + (separator?.Length ?? 0) + (second?.Length ?? 0));
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            kind.CopyTo(buffer);
            var length = kind.Length + Encoding.UTF8.GetBytes(first, buffer.AsSpan(kind.Length));
            if (separator is not null)
            {
                length += Encoding.UTF8.GetBytes(separator, buffer.AsSpan(length));
                length += Encoding.UTF8.GetBytes(second ?? string.Empty, buffer.AsSpan(length));
            }

            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, length), hash);
            return Convert.ToHexStringLower(hash[..16]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int Size(string? text) => 5 + (text?.Length ?? 0) * sizeof(char);

    /// <summary>What a reader sees of an item: everything <see cref="ContentHash(in ReaderVisible)"/> covers.</summary>
    public readonly record struct ReaderVisible(
        string Title,
        Uri? Link,
        string? Summary,
        string? Content,
        IReadOnlyList<FeedAuthor> Authors,
        IReadOnlyList<string> Categories,
        IReadOnlyList<FeedEnclosure> Enclosures,
        DateTimeOffset? Published,
        DateTimeOffset? Updated);

    /// <summary>Writes hash input into a buffer sized beforehand; little-endian, as on every platform .NET runs FeedHub on.</summary>
    private ref struct HashInput(byte[] buffer)
    {
        private readonly Span<byte> _buffer = buffer;

        public int Length { get; private set; }

        public void Text(string? value)
        {
            if (value is null)
            {
                _buffer[Length++] = 0;
                return;
            }

            _buffer[Length++] = 1;
            BinaryPrimitives.WriteInt32LittleEndian(_buffer[Length..], value.Length);
            Length += sizeof(int);
            var bytes = MemoryMarshal.AsBytes(value.AsSpan());
            bytes.CopyTo(_buffer[Length..]);
            Length += bytes.Length;
        }

        public void Count(int count)
        {
            BinaryPrimitives.WriteInt32LittleEndian(_buffer[Length..], count);
            Length += sizeof(int);
        }

        public void Number(long? value)
        {
            _buffer[Length++] = value is null ? (byte)0 : (byte)1;
            BinaryPrimitives.WriteInt64LittleEndian(_buffer[Length..], value ?? 0);
            Length += sizeof(long);
        }
    }
}
