using System.Globalization;

namespace FeedHub.Feeds;

internal static class FeedTimestamps
{
    public static string Rfc3339(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Rfc1123(DateTimeOffset value) =>
        value.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);

    /// <summary>The time an entry counts as updated: its own update, else publication, else discovery.</summary>
    public static DateTimeOffset UpdatedOf(MergedFeedItem item) => item.Updated ?? item.Published ?? item.DiscoveredAt;

    public static string IdOf(Guid id) => $"urn:uuid:{id:D}";
}
