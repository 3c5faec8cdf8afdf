namespace FeedHub.Parsing;

/// <summary>
/// The date forms nearly every feed uses, read without regular expressions or allocation: RFC 822
/// ("Mon, 19 Jan 2026 13:35:00 +0700"), RFC 3339 ("2026-01-19T13:35:00+07:00") and the day-first forms of
/// Vietnamese sites ("19/01/2026 13:35", "13:35 | 19/01/2026"). Anything else, and anything odd about these
/// (extra spaces, a comment after the zone, a non-ASCII letter, an impossible date), is left to
/// <see cref="FeedDateParser.TryParseGeneral"/>, which gives the same answer for every text this accepts.
/// </summary>
internal static class FeedDateFastPath
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <param name="text">The date, trimmed.</param>
    /// <returns>False when the general reader must decide.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, TimeZoneInfo zoneless, bool allowMonthFirst, out FeedDateReading reading)
    {
        reading = default;
        if (text.Length is < 10 or > 48 || text.ContainsAnyExceptInRange(' ', '~'))
        {
            return false;
        }

        return char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2]) && char.IsAsciiDigit(text[3])
            ? TryIso(text, zoneless, out reading)
            : TryRfc822(text, zoneless, out reading) || TryDayFirst(text, zoneless, allowMonthFirst, out reading);
    }

    /// <summary>yyyy-MM-dd, 'T' or a space, HH:mm, optional :ss and fraction, then Z, an offset or nothing.</summary>
    private static bool TryIso(ReadOnlySpan<char> s, TimeZoneInfo zoneless, out FeedDateReading reading)
    {
        reading = default;
        if (s.Length < 16 || s[4] != '-' || s[7] != '-' || s[10] is not ('T' or ' ') || s[13] != ':'
            || !Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute))
        {
            return false;
        }

        var p = 16;
        var second = 0;
        long fraction = 0;
        if (p < s.Length && s[p] == ':')
        {
            if (!Digits(s, p + 1, 2, out second))
            {
                return false;
            }

            p += 3;
            if (p < s.Length && s[p] == '.')
            {
                var start = ++p;
                while (p < s.Length && char.IsAsciiDigit(s[p]))
                {
                    p++;
                }

                if (p == start)
                {
                    return false;
                }

                fraction = FractionTicks(s[start..p]);
            }
        }

        TimeSpan? offset = null;
        if (p < s.Length)
        {
            if (!TryZone(s[p..], out var named))
            {
                return false;
            }

            offset = named;
        }

        return FeedDateParser.TryBuild(year, month, day, hour, minute, second, fraction, offset, zoneless, monthFirst: false, out reading);
    }

    /// <summary>Optional "Www, ", then d Mon yyyy (or yy) H:mm[:ss], then a zone or nothing; single spaces only.</summary>
    private static bool TryRfc822(ReadOnlySpan<char> s, TimeZoneInfo zoneless, out FeedDateReading reading)
    {
        reading = default;
        if (s.Length > 5 && char.IsAsciiLetter(s[0]) && char.IsAsciiLetter(s[1]) && char.IsAsciiLetter(s[2]) && s[3] == ',' && s[4] == ' ')
        {
            s = s[5..];
        }

        var p = 0;
        if (!Number(s, ref p, 1, 2, out var day) || !Next(s, ref p, ' ') || p + 3 > s.Length || !TryMonth(s.Slice(p, 3), out var month))
        {
            return false;
        }

        p += 3;
        var yearStart = p + 1;
        if (!Next(s, ref p, ' ') || !Number(s, ref p, 2, 4, out var year))
        {
            return false;
        }

        var yearDigits = p - yearStart;
        if (yearDigits == 3 || !Next(s, ref p, ' ') || !Time(s, ref p, out var hour, out var minute, out var second))
        {
            return false;
        }

        if (yearDigits == 2)
        {
            // RFC 2822 §4.3, as the general reader has it: two-digit years below 50 are 20xx, the rest 19xx.
            year += year < 50 ? 2000 : 1900;
        }

        TimeSpan? offset = null;
        if (p < s.Length)
        {
            if (!Next(s, ref p, ' ') || !TryZone(s[p..], out var named))
            {
                return false;
            }

            offset = named;
        }

        return FeedDateParser.TryBuild(year, month, day, hour, minute, second, 0, offset, zoneless, monthFirst: false, out reading);
    }

    /// <summary>"19/01/2026", "19/01/2026 13:35[:20]" (or with " | ", " - ", ", " between), "13:35 19/01/2026", "13:35 | 19/01/2026"; no zone.</summary>
    private static bool TryDayFirst(ReadOnlySpan<char> s, TimeZoneInfo zoneless, bool allowMonthFirst, out FeedDateReading reading)
    {
        reading = default;
        int p = 0, day, month, year, hour = 0, minute = 0, second = 0;
        if (s.Length > 2 && (s[1] == ':' || s[2] == ':'))
        {
            if (!Time(s, ref p, out hour, out minute, out second) || !Separator(s, ref p) || !Date(s, ref p, out day, out month, out year))
            {
                return false;
            }
        }
        else if (!Date(s, ref p, out day, out month, out year)
            || (p < s.Length && (!Separator(s, ref p) || !Time(s, ref p, out hour, out minute, out second))))
        {
            return false;
        }

        if (p != s.Length)
        {
            return false;
        }

        // Day-first is the rule; month-first only when day-first cannot be a date (01/19/2026).
        var monthFirst = false;
        if (allowMonthFirst && month > 12 && day <= 12)
        {
            (day, month) = (month, day);
            monthFirst = true;
        }

        return FeedDateParser.TryBuild(year, month, day, hour, minute, second, 0, null, zoneless, monthFirst, out reading);
    }

    private static bool Date(ReadOnlySpan<char> s, ref int p, out int day, out int month, out int year)
    {
        month = year = 0;
        return Number(s, ref p, 1, 2, out day) && Next(s, ref p, '/') && Number(s, ref p, 1, 2, out month) && Next(s, ref p, '/')
            && Number(s, ref p, 4, 4, out year);
    }

    /// <summary>H:mm or H:mm:ss, the hour one or two digits.</summary>
    private static bool Time(ReadOnlySpan<char> s, ref int p, out int hour, out int minute, out int second)
    {
        minute = second = 0;
        if (!Number(s, ref p, 1, 2, out hour) || !Next(s, ref p, ':') || !Number(s, ref p, 2, 2, out minute))
        {
            return false;
        }

        return p >= s.Length || s[p] != ':' || (Next(s, ref p, ':') && Number(s, ref p, 2, 2, out second) && (p >= s.Length || !char.IsAsciiDigit(s[p])));
    }

    /// <summary>One space, or " | ", " - ", ", " between a date and a time.</summary>
    private static bool Separator(ReadOnlySpan<char> s, ref int p)
    {
        var rest = s[p..];
        var length = rest.StartsWith(" | ") || rest.StartsWith(" - ") ? 3 : rest.StartsWith(", ") ? 2 : rest.StartsWith(' ') ? 1 : 0;
        p += length;
        return length > 0 && p < s.Length && char.IsAsciiDigit(s[p]);
    }

    /// <summary>Zone forms that need no trimming or comment handling; the rest are <see cref="ZoneDesignator"/>'s.</summary>
    private static bool TryZone(ReadOnlySpan<char> zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (zone.IsEmpty || zone.ContainsAny(' ', '(', '[') || zone.Contains(')') || zone.Contains(']'))
        {
            return false;
        }

        return ZoneDesignator.TryParseSimple(zone, out offset);
    }

    private static bool TryMonth(ReadOnlySpan<char> name, out int month)
    {
        Span<char> lower = stackalloc char[3];
        month = 0;
        if (name.ToLowerInvariant(lower) != 3)
        {
            return false;
        }

        for (var i = 0; i < Months.Length; i++)
        {
            if (lower.SequenceEqual(Months[i]))
            {
                month = i + 1;
                return true;
            }
        }

        return false;
    }

    private static bool Next(ReadOnlySpan<char> s, ref int p, char expected)
    {
        if (p < s.Length && s[p] == expected)
        {
            p++;
            return true;
        }

        return false;
    }

    /// <summary>Reads <paramref name="min"/> to <paramref name="max"/> ASCII digits; more digits than that is no match.</summary>
    private static bool Number(ReadOnlySpan<char> s, ref int p, int min, int max, out int value)
    {
        value = 0;
        var start = p;
        while (p < s.Length && char.IsAsciiDigit(s[p]))
        {
            if (p - start == max)
            {
                return false;
            }

            value = (value * 10) + (s[p] - '0');
            p++;
        }

        return p - start >= min;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        var p = start;
        return Number(s, ref p, count, count, out value) && p == start + count;
    }

    private static long FractionTicks(ReadOnlySpan<char> digits)
    {
        long ticks = 0;
        for (var i = 0; i < 7; i++)
        {
            ticks = (ticks * 10) + (i < digits.Length ? digits[i] - '0' : 0);
        }

        return ticks;
    }
}
