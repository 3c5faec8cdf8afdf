using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace FeedHub.Feeds;

/// <summary>
/// Where a page of items ended: the last item's sort time and id. Keyset, not offset, so a reader
/// who falls behind pages back through older items without skipping or repeating any while new ones
/// arrive on top. Written as URL-safe base64 for query strings.
/// </summary>
internal readonly record struct ItemCursor(DateTimeOffset SortAt, Guid? Id)
{
    private const int Length = 8 + 16;

    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Length];
        BinaryPrimitives.WriteInt64BigEndian(bytes, SortAt.UtcTicks);
        (Id ?? Guid.Empty).TryWriteBytes(bytes[8..]);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out ItemCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > 64)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[48];
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        if (!Convert.TryFromBase64String(base64, bytes, out var written) || written != Length)
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        var id = new Guid(bytes[8..Length]);
        cursor = new ItemCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id == Guid.Empty ? null : id);
        return true;
    }
}
