using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FeedHub.Parsing.Listing;

/// <summary>
/// An operator's .NET custom date format ("HH:mm | dd/MM/yyyy") turned into a regular expression, so the date can
/// be found inside text that says more ("Cập nhật: 13:35 | 19/01/2026") and read with spacing the page varies.
/// </summary>
/// <remarks>
/// Supported letters: y, M (digits or English names), d (dd/d; ddd and longer are weekday names, skipped), H, h,
/// m, s, f/F, t (AM/PM), z/zz/zzz and K. Quoted text and backslash escapes are literals, as in .NET; any
/// whitespace in the pattern matches any whitespace, or none.
/// </remarks>
internal sealed class ListingDatePattern
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly Regex _regex;

    private ListingDatePattern(string text, Regex regex, bool hasDate, bool hasYear)
    {
        Text = text;
        _regex = regex;
        HasDate = hasDate;
        HasYear = hasYear;
    }

    public string Text { get; }

    /// <summary>Whether the pattern names a day and month; a time-only pattern means the latest such time.</summary>
    public bool HasDate { get; }

    public bool HasYear { get; }

    /// <summary>Why the pattern cannot be used, or null when it can.</summary>
    public static string? Problem(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return "the date pattern is empty; leave it out to read times by their usual forms";
        }

        var built = Build(pattern);
        return built.HasDate || built.HasTime
            ? null
            : $"the date pattern \"{pattern}\" has neither a day and month (dd/MM) nor an hour and minute (HH:mm)";
    }

    /// <exception cref="ArgumentException">The pattern has a <see cref="Problem"/>.</exception>
    public static ListingDatePattern Create(string pattern)
    {
        if (Problem(pattern) is { } problem)
        {
            throw new ArgumentException(problem, nameof(pattern));
        }

        var built = Build(pattern);
        var regex = new Regex(built.Expression, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, MatchTimeout);
        return new ListingDatePattern(pattern, regex, built.HasDate, built.HasYear);
    }

    /// <summary>Finds the pattern in <paramref name="text"/> and reads its fields.</summary>
    public bool TryMatch(string text, out DateFields fields)
    {
        fields = default;
        Match m;
        try
        {
            m = _regex.Match(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }

        if (!m.Success)
        {
            return false;
        }

        var month = Int(m, "M");
        if (m.Groups["Mn"].Success && !FeedDateParser.TryMonth(m.Groups["Mn"].Value, out month))
        {
            return false;
        }

        var hour = m.Groups["H"].Success ? Int(m, "H") : Int(m, "h");
        if (m.Groups["h"].Success && !TwelveHour(hour, m.Groups["t"].Value, out hour))
        {
            return false;
        }

        var offset = (TimeSpan?)null;
        if (m.Groups["z"].Success && m.Groups["z"].Length > 0)
        {
            if (!ZoneDesignator.TryParse(m.Groups["z"].Value, out var parsed))
            {
                return false;
            }

            offset = parsed;
        }

        fields = new DateFields(Year(m), month, Int(m, "d"), hour, Int(m, "m"), Int(m, "s"), offset);
        return true;
    }

    private static bool TwelveHour(int hour, string designator, out int hour24)
    {
        hour24 = hour;
        if (designator.Length == 0)
        {
            // "hh" without "tt" is a common slip for "HH"; the hour is taken as written.
            return hour <= 23;
        }

        if (hour is < 1 or > 12)
        {
            return false;
        }

        var pm = designator.StartsWith('p') || designator.StartsWith('P');
        hour24 = hour % 12 + (pm ? 12 : 0);
        return true;
    }

    private static int Year(Match m)
    {
        if (!m.Groups["y"].Success)
        {
            return 0;
        }

        var year = Int(m, "y");
        return m.Groups["y"].Length <= 2 ? 2000 + year : year;
    }

    private static int Int(Match m, string group) =>
        m.Groups[group].Success ? int.Parse(m.Groups[group].ValueSpan, CultureInfo.InvariantCulture) : 0;

    private static Built Build(string pattern)
    {
        var expression = new StringBuilder(@"(?<![\d\p{L}])");
        bool day = false, month = false, year = false, hour = false, minute = false;
        for (var i = 0; i < pattern.Length;)
        {
            var c = pattern[i];
            if (char.IsWhiteSpace(c))
            {
                while (i < pattern.Length && char.IsWhiteSpace(pattern[i]))
                {
                    i++;
                }

                expression.Append(@"\s*");
                continue;
            }

            if (c is '\'' or '"')
            {
                var end = pattern.IndexOf(c, i + 1);
                end = end < 0 ? pattern.Length : end;
                expression.Append(Regex.Escape(pattern[(i + 1)..end]));
                i = end + 1;
                continue;
            }

            if (c == '\\')
            {
                if (i + 1 < pattern.Length)
                {
                    expression.Append(Regex.Escape(pattern[i + 1].ToString()));
                }

                i += 2;
                continue;
            }

            var run = 1;
            while (i + run < pattern.Length && pattern[i + run] == c)
            {
                run++;
            }

            expression.Append(Token(c, run));
            day |= c == 'd' && run <= 2;
            month |= c == 'M';
            year |= c == 'y';
            hour |= c is 'H' or 'h';
            minute |= c == 'm';
            i += run;
        }

        expression.Append(@"(?![\d])");
        return new Built(expression.ToString(), day && month, hour && minute, year);
    }

    /// <summary>The expression for a run of one pattern letter; letters .NET gives no meaning are literals, as in .NET.</summary>
    private static string Token(char letter, int run) => letter switch
    {
        'y' => run <= 2 ? @"(?<y>\d{2})" : @"(?<y>\d{4})",
        'M' => run <= 2 ? @"(?<M>\d{1,2})" : @"(?<Mn>[A-Za-z]{3,9})\.?",
        'd' => run <= 2 ? @"(?<d>\d{1,2})" : @"\p{L}+\.?",
        'H' => @"(?<H>\d{1,2})",
        'h' => @"(?<h>\d{1,2})",
        'm' => @"(?<m>\d{1,2})",
        's' => @"(?<s>\d{1,2})",
        'f' => $@"\d{{{run}}}",
        'F' => $@"\d{{0,{run}}}",
        't' => @"(?<t>[AaPp]\.?(?:[Mm]\.?)?)",
        'z' => @"(?<z>Z|[+\-−]\d{1,2}(?::?\d{2})?)",
        'K' => @"(?<z>Z|[+\-−]\d{1,2}(?::?\d{2})?)?",
        'g' or '%' => string.Empty,
        _ => Regex.Escape(new string(letter, run)),
    };

    private readonly record struct Built(string Expression, bool HasDate, bool HasTime, bool HasYear);
}

