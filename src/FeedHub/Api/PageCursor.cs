using System.Globalization;
using System.Text;

namespace FeedHub.Api;

/// <summary>An opaque paging cursor, so callers do not build offsets themselves.</summary>
internal static class PageCursor
{
    public static string Write(int offset) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes($"o:{offset.ToString(CultureInfo.InvariantCulture)}")).TrimEnd('=');

    public static bool TryRead(string? cursor, out int offset)
    {
        offset = 0;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        try
        {
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(cursor.PadRight(cursor.Length + ((4 - (cursor.Length % 4)) % 4), '=')));
            return text.StartsWith("o:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
