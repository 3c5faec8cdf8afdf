using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FeedHub.Parsing;

/// <summary>
/// Reads the dates feeds actually publish: RFC 822 and its broken variants, RFC 3339, Unix time, and the
/// day-first forms of Vietnamese news sites. Pure: what to do with guesses is <see cref="FeedDates"/>'s job.
/// </summary>
internal static partial class FeedDateParser
{
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <param name="zoneless">The zone in which to read a date that names none.</param>
    /// <param name="allowMonthFirst">
    /// False for day-first sources (Vietnamese language or zone): their 01/19/2026 is a mistake, never January 19.
    /// </param>
    public static bool TryParse(string? text, TimeZoneInfo zoneless, out FeedDateReading reading, bool allowMonthFirst = true)
    {
        reading = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        return FeedDateFastPath.TryParse(text.AsSpan().Trim(), zoneless, allowMonthFirst, out reading)
            || TryParseGeneral(text, zoneless, allowMonthFirst, out reading);
    }

    /// <summary>The general reader: every form, by regular expressions. <see cref="FeedDateFastPath"/> must agree with it.</summary>
    internal static bool TryParseGeneral(string text, TimeZoneInfo zoneless, bool allowMonthFirst, out FeedDateReading reading)
    {
        reading = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = Whitespace().Replace(text.Normalize(NormalizationForm.FormC), " ").Trim();
        return TryUnix(s, out reading)
            || TryIso(s, zoneless, out reading)
            || TryNumericDayFirst(StripWeekday(s), zoneless, allowMonthFirst, out reading)
            || TryRfc822(StripWeekday(s), zoneless, out reading)
            || TryMonthNameFirst(StripWeekday(s), zoneless, out reading);
    }

    private static bool TryUnix(string s, out FeedDateReading reading)
    {
        reading = default;
        if (!UnixTime().IsMatch(s) || !long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        // Ten digits or fewer are seconds; JavaScript-minded feeds send milliseconds.
        var instant = s.Length <= 10 ? DateTimeOffset.FromUnixTimeSeconds(number) : DateTimeOffset.FromUnixTimeMilliseconds(number);
        reading = new FeedDateReading(instant, ZoneAssumed: false, MonthFirst: false);
        return true;
    }

    private static bool TryIso(string s, TimeZoneInfo zoneless, out FeedDateReading reading)
    {
        reading = default;
        var m = Iso().Match(s);
        return m.Success
            && TryBuild(
                Int(m, "y"), Int(m, "mo"), Int(m, "d"), Int(m, "h"), Int(m, "mi"), Int(m, "s"), FractionTicks(m.Groups["f"].Value),
                m.Groups["z"].Value, zoneless, monthFirst: false, out reading);
    }

    private static bool TryNumericDayFirst(string s, TimeZoneInfo zoneless, bool allowMonthFirst, out FeedDateReading reading)
    {
        reading = default;
        var m = NumericDayFirst().Match(s);
        if (!m.Success)
        {
            return false;
        }

        int day = Int(m, "d"), month = Int(m, "mo");
        var monthFirst = false;

        // Day-first is the rule; month-first only when day-first cannot be a date (01/19/2026).
        if (allowMonthFirst && month > 12 && day <= 12)
        {
            (day, month) = (month, day);
            monthFirst = true;
        }

        return TryBuild(Int(m, "y"), month, day, Int(m, "h"), Int(m, "mi"), Int(m, "s"), 0, m.Groups["z"].Value, zoneless, monthFirst, out reading);
    }

    private static bool TryRfc822(string s, TimeZoneInfo zoneless, out FeedDateReading reading)
    {
        reading = default;
        var m = Rfc822().Match(s);
        return m.Success
            && TryMonth(m.Groups["mon"].Value, out var month)
            && TryBuild(
                Year(m.Groups["y"].Value), month, Int(m, "d"), Int(m, "h"), Int(m, "mi"), Int(m, "s"), 0,
                m.Groups["z"].Value, zoneless, monthFirst: false, out reading);
    }

    private static bool TryMonthNameFirst(string s, TimeZoneInfo zoneless, out FeedDateReading reading)
    {
        reading = default;
        var m = MonthNameFirst().Match(s);
        return m.Success
            && TryMonth(m.Groups["mon"].Value, out var month)
            && TryBuild(
                Int(m, "y"), month, Int(m, "d"), Int(m, "h"), Int(m, "mi"), Int(m, "s"), 0,
                m.Groups["z"].Value, zoneless, monthFirst: false, out reading);
    }

    private static bool TryBuild(
        int year, int month, int day, int hour, int minute, int second, long fractionTicks,
        string zone, TimeZoneInfo zoneless, bool monthFirst, out FeedDateReading reading)
    {
        var zoneAssumed = string.IsNullOrWhiteSpace(zone);
        var offset = TimeSpan.Zero;
        if (!zoneAssumed && !ZoneDesignator.TryParse(zone, out offset))
        {
            reading = default;
            return false;
        }

        return TryBuild(year, month, day, hour, minute, second, fractionTicks, zoneAssumed ? null : offset, zoneless, monthFirst, out reading);
    }

    /// <param name="offset">The zone the text named, or null to read the date in <paramref name="zoneless"/>.</param>
    internal static bool TryBuild(
        int year, int month, int day, int hour, int minute, int second, long fractionTicks,
        TimeSpan? offset, TimeZoneInfo zoneless, bool monthFirst, out FeedDateReading reading)
    {
        reading = default;

        // A leap second is real but DateTime cannot hold it; one second early is close enough for a feed.
        second = Math.Min(second, 59);
        if (year is < 1000 or > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks);
        reading = new FeedDateReading(new DateTimeOffset(local, offset ?? zoneless.GetUtcOffset(local)).ToUniversalTime(), offset is null, monthFirst);
        return true;
    }

    private static string StripWeekday(string s)
    {
        var m = LeadingWeekday().Match(s);
        return m.Success ? s[m.Length..] : s;
    }

    internal static bool TryMonth(string name, out int month)
    {
        month = 0;
        var key = name.ToLowerInvariant();
        if (key.Length < 3)
        {
            return false;
        }

        if (key == "sept")
        {
            month = 9;
            return true;
        }

        var index = Array.FindIndex(MonthNames, full => full.StartsWith(key, StringComparison.Ordinal));
        month = index + 1;
        return index >= 0;
    }

    private static int Year(string digits)
    {
        var year = int.Parse(digits, CultureInfo.InvariantCulture);

        // RFC 2822 §4.3: two-digit years below 50 are 20xx, the rest 19xx.
        return digits.Length switch
        {
            2 => year < 50 ? 2000 + year : 1900 + year,
            _ => year,
        };
    }

    private static int Int(Match m, string group) =>
        m.Groups[group].Success ? int.Parse(m.Groups[group].ValueSpan, CultureInfo.InvariantCulture) : 0;

    private static long FractionTicks(string digits)
    {
        if (digits.Length == 0)
        {
            return 0;
        }

        var seven = digits.Length >= 7 ? digits[..7] : digits.PadRight(7, '0');
        return long.Parse(seven, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"[\s\u00A0]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^-?\d{9,13}$")]
    private static partial Regex UnixTime();

    [GeneratedRegex(
        @"^(?<y>\d{4})[-/](?<mo>\d{1,2})[-/](?<d>\d{1,2})(?:(?:[Tt]|\s+)(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,](?<f>\d+))?)?)?\s*(?<z>.*)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    // "19/01/2026 13:35", "13:35 19/01/2026", "13:35 | 19/01/2026", "19/01/2026 - 13:35 (GMT+7)".
    [GeneratedRegex(
        @"^(?:(?<d>\d{1,2})[/.\-](?<mo>\d{1,2})[/.\-](?<y>\d{4})(?:\s*[,|\-–]?\s*(?<h>\d{1,2})[:hH](?<mi>\d{2})(?::(?<s>\d{2}))?)?"
        + @"|(?<h>\d{1,2})[:hH](?<mi>\d{2})(?::(?<s>\d{2}))?\s*[,|\-–]?\s*(?<d>\d{1,2})[/.\-](?<mo>\d{1,2})[/.\-](?<y>\d{4}))"
        + @"(?:\s*(?<z>\S.*))?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex NumericDayFirst();

    // "19 Jan 2026 13:35:00 +0700", "1 jan 26 13:35 GMT", "19-Jan-2026 13:35".
    [GeneratedRegex(
        @"^(?<d>\d{1,2})[\s\-]+(?<mon>[A-Za-z]{3,9})\.?,?[\s\-]+(?<y>\d{4}|\d{2})(?:[\sT,]+(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,]\d+)?)?)?(?:\s*(?<z>\S.*))?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822();

    // "January 19, 2026 1:35", "Jan 19 2026 13:35:00 GMT+0700 (Indochina Time)".
    [GeneratedRegex(
        @"^(?<mon>[A-Za-z]{3,9})\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})(?:[\s,]+(?:at\s+)?(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?)?(?:\s*(?<z>\S.*))?$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MonthNameFirst();

    // A weekday is ignored whatever it says: feeds often get it wrong.
    [GeneratedRegex(
        @"^(?:[^\d,]{2,16},\s*|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s+(?=\d|[a-z]{3})|(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật)\s*[,\-–|]?\s*)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LeadingWeekday();
}
