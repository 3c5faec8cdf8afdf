using System.Globalization;

namespace FeedHub.Feeds;

/// <summary>
/// How the HTML page shows an item's time: Vietnamese readers of Vietnamese outlets expect Vietnam
/// time, the way the outlets print it; everything else is shown in UTC, which no reader misreads.
/// </summary>
internal static class ReaderTime
{
    /// <summary>Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact and needs no zone database.</summary>
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    private static readonly HashSet<string> VietnamZones = new(StringComparer.OrdinalIgnoreCase) { "Asia/Ho_Chi_Minh", "Asia/Saigon" };

    public static string Format(DateTimeOffset value, MergedFeedSource source) =>
        IsVietnamese(source)
            ? value.ToOffset(VietnamOffset).ToString("dd/MM/yyyy HH:mm '(GMT+7)'", CultureInfo.InvariantCulture)
            : value.ToUniversalTime().ToString("dd/MM/yyyy HH:mm '(UTC)'", CultureInfo.InvariantCulture);

    public static bool IsVietnamese(MergedFeedSource source) =>
        MergedFeedSelection.SameLanguage("vi", source.Language)
        || (source.TimeZone is { } zone && VietnamZones.Contains(zone.Trim()));
}
