using System.Globalization;

namespace FeedHub.Parsing.Listing;

/// <summary>
/// Reads an item's time on a listing page: by the operator's date pattern, else a &lt;time datetime&gt;, else the
/// relative forms news sites use, else any date a feed could carry, else a bare clock time. What cannot be read
/// is left empty with a warning; the item is kept.
/// </summary>
/// <remarks>One instance per page; the warnings it adds belong to that page's parse.</remarks>
internal sealed class ListingTimeReader(ParseContext context, ListingDatePattern? pattern, bool dayFirst, ParseWarnings warnings)
{
    /// <summary>How far past the fetch a dated time may be before it is taken as wrong, as for feeds.</summary>
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(1);

    private DateTimeOffset FetchedAt => context.FetchedAt.ToUniversalTime();

    /// <param name="text">The time as the page shows it.</param>
    /// <param name="machineReadable">A datetime attribute beside it, if any.</param>
    /// <returns>The time in UTC, or null when there is none or it cannot be read.</returns>
    public DateTimeOffset? Read(string? text, string? machineReadable)
    {
        text = text?.Trim() ?? string.Empty;
        if (text.Length > 0 && pattern is not null && ByPattern(text) is { } patterned)
        {
            return patterned;
        }

        if (!string.IsNullOrWhiteSpace(machineReadable) && ByFeedRules(machineReadable) is { } machine)
        {
            return machine;
        }

        if (text.Length == 0)
        {
            return null;
        }

        if (RelativeListingTime.TryRead(text, context.TimeZone, FetchedAt, out var relative))
        {
            warnings.Add("relative times (\"2 giờ trước\", \"hôm qua\") were read against the fetch time");
            return relative;
        }

        if (ByFeedRules(text) is { } dated)
        {
            return dated;
        }

        if (RelativeListingTime.TryReadClock(text, context.TimeZone, FetchedAt, out var clock))
        {
            warnings.Add("times without a date were read as the latest such time before the fetch");
            return clock;
        }

        warnings.Add($"time \"{text}\" could not be read; left empty");
        return null;
    }

    private DateTimeOffset? ByPattern(string text)
    {
        if (!pattern!.TryMatch(text, out var fields))
        {
            return null;
        }

        if (!pattern.HasDate)
        {
            return ListingCalendar.Latest(fields.Hour, fields.Minute, fields.Second, context.TimeZone, FetchedAt);
        }

        var year = pattern.HasYear ? fields.Year : ListingCalendar.Today(context.TimeZone, FetchedAt).Year;
        if (!FeedDateParser.TryBuild(year, fields.Month, fields.Day, fields.Hour, fields.Minute, fields.Second, 0, fields.Offset, context.TimeZone, false, out var reading))
        {
            return null;
        }

        // "19/01" seen on the 2nd of January is last year's.
        if (!pattern.HasYear && reading.Value > FetchedAt + FutureTolerance
            && FeedDateParser.TryBuild(year - 1, fields.Month, fields.Day, fields.Hour, fields.Minute, fields.Second, 0, fields.Offset, context.TimeZone, false, out var lastYear))
        {
            reading = lastYear;
        }

        return Accept(reading, text);
    }

    private DateTimeOffset? ByFeedRules(string text) =>
        FeedDateParser.TryParse(text, context.TimeZone, out var reading, allowMonthFirst: !dayFirst) ? Accept(reading, text) : null;

    private DateTimeOffset Accept(FeedDateReading reading, string text)
    {
        if (reading.ZoneAssumed)
        {
            // Once per page, not per item: every time on a listing names no zone, and the operator chose the zone.
            warnings.Add($"listing times name no timezone; read as {context.TimeZone.Id}");
        }

        if (reading.MonthFirst)
        {
            warnings.Add($"time \"{text}\" read as month/day because day/month is impossible");
        }

        if (reading.Value > FetchedAt + FutureTolerance)
        {
            warnings.Add($"time \"{text}\" is in the future; clamped to the fetch time {FetchedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}");
            return FetchedAt;
        }

        return reading.Value;
    }
}
