using System.Globalization;
using System.Text.RegularExpressions;
using FeedHub.Normalizing;

namespace FeedHub.Parsing.Listing;

/// <summary>
/// Times a listing writes relative to when it is viewed: "2 giờ trước", "Vừa xong", "Hôm qua lúc 10:20",
/// "2 hours ago", or a bare "10:20". Read against the fetch time, in the source's zone.
/// </summary>
/// <remarks>Text is folded first (<see cref="FoldedText"/>), so "giờ" matches however its marks are encoded, and in any case.</remarks>
internal static partial class RelativeListingTime
{
    public static bool TryRead(string text, TimeZoneInfo zone, DateTimeOffset fetchedAt, out DateTimeOffset value)
    {
        var folded = FoldedText.Of(text);
        value = default;
        if (JustNow().IsMatch(folded))
        {
            value = fetchedAt;
            return true;
        }

        if (Ago().Match(folded) is { Success: true } ago)
        {
            value = Back(fetchedAt, Count(ago.Groups["n"].Value), ago.Groups["u"].Value);
            return true;
        }

        if (DayWord().Match(folded) is { Success: true } day)
        {
            return TryDay(day.Groups["day"].Value is "hom qua" or "yesterday", folded, zone, fetchedAt, out value);
        }

        return false;
    }

    /// <summary>A time of day alone ("10:20", "Cập nhật 08h15"): the latest such time not after the fetch.</summary>
    public static bool TryReadClock(string text, TimeZoneInfo zone, DateTimeOffset fetchedAt, out DateTimeOffset value)
    {
        value = default;
        var m = ClockOnly().Match(FoldedText.Of(text));
        if (!m.Success || ListingCalendar.Latest(Int(m, "h"), Int(m, "m"), Int(m, "s"), zone, fetchedAt) is not { } latest)
        {
            return false;
        }

        value = latest;
        return true;
    }

    private static bool TryDay(bool yesterday, string folded, TimeZoneInfo zone, DateTimeOffset fetchedAt, out DateTimeOffset value)
    {
        // Without a clock time the day is all there is; a day before the fetch is as close as it can be read.
        value = yesterday ? fetchedAt.AddDays(-1) : fetchedAt;
        var clock = Clock().Match(folded);
        if (!clock.Success)
        {
            return true;
        }

        var day = ListingCalendar.Today(zone, fetchedAt).AddDays(yesterday ? -1 : 0);
        if (ListingCalendar.At(day, Int(clock, "h"), Int(clock, "m"), 0, zone) is not { } instant)
        {
            return false;
        }

        value = instant;
        return true;
    }

    private static DateTimeOffset Back(DateTimeOffset fetchedAt, int count, string unit) => unit switch
    {
        "giay" or "s" or "sec" or "secs" or "second" or "seconds" => fetchedAt.AddSeconds(-count),
        "phut" or "min" or "mins" or "minute" or "minutes" => fetchedAt.AddMinutes(-count),
        "gio" or "tieng" or "h" or "hr" or "hrs" or "hour" or "hours" => fetchedAt.AddHours(-count),
        "ngay" or "day" or "days" => fetchedAt.AddDays(-count),
        "tuan" or "week" or "weeks" => fetchedAt.AddDays(-7 * count),
        "thang" or "month" or "months" => fetchedAt.AddMonths(-count),
        _ => fetchedAt.AddYears(-count),
    };

    private static int Count(string number) => number switch
    {
        "mot" or "a" or "an" => 1,
        _ => int.Parse(number, CultureInfo.InvariantCulture),
    };

    private static int Int(Match m, string group) =>
        m.Groups[group].Success ? int.Parse(m.Groups[group].ValueSpan, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"(?<![\p{L}\d])(?:vua xong|vua dang|vua cap nhat|moi dang|just now|moments? ago)(?!\p{L})", RegexOptions.CultureInvariant)]
    private static partial Regex JustNow();

    [GeneratedRegex(
        @"(?<![\p{L}\d])(?<n>\d{1,4}|mot|an|a)\s*(?<u>giay|phut|gio|tieng|ngay|tuan|thang|nam|seconds|second|secs|sec|s|minutes|minute|mins|min|hours|hour|hrs|hr|h|days|day|weeks|week|months|month|years|year)\s+(?:truoc|ago)(?!\p{L})",
        RegexOptions.CultureInvariant)]
    private static partial Regex Ago();

    [GeneratedRegex(@"(?<!\p{L})(?<day>hom qua|hom nay|yesterday|today)(?!\p{L})", RegexOptions.CultureInvariant)]
    private static partial Regex DayWord();

    [GeneratedRegex(@"(?<![\d:])(?<h>\d{1,2})\s*[:h]\s*(?<m>\d{2})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Clock();

    [GeneratedRegex(@"^\D*?(?<h>\d{1,2})[:h](?<m>\d{2})(?::(?<s>\d{2}))?\D*$", RegexOptions.CultureInvariant)]
    private static partial Regex ClockOnly();
}
