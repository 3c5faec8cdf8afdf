namespace FeedHub.Parsing.Listing;

/// <summary>
/// Days and clock times as a listing means them: in the source's zone, and never ahead of the fetch, because a
/// news listing shows what has been published, not what will be.
/// </summary>
internal static class ListingCalendar
{
    /// <summary>How far past the fetch a clock time may fall and still mean today: the site's clock may run fast.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The source's calendar day at the moment of the fetch.</summary>
    public static DateOnly Today(TimeZoneInfo zone, DateTimeOffset fetchedAt) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(fetchedAt, zone).DateTime);

    /// <summary>A wall-clock time on a day in the source's zone, in UTC; null when that is no real time.</summary>
    public static DateTimeOffset? At(DateOnly day, int hour, int minute, int second, TimeZoneInfo zone) =>
        FeedDateParser.TryBuild(day.Year, day.Month, day.Day, hour, minute, second, 0, null, zone, monthFirst: false, out var reading)
            ? reading.Value
            : null;

    /// <summary>A time of day without a date: today's, unless that is still to come, and then yesterday's.</summary>
    public static DateTimeOffset? Latest(int hour, int minute, int second, TimeZoneInfo zone, DateTimeOffset fetchedAt)
    {
        var today = Today(zone, fetchedAt);
        var instant = At(today, hour, minute, second, zone);
        return instant > fetchedAt + ClockSkew ? At(today.AddDays(-1), hour, minute, second, zone) : instant;
    }
}
