using System.Globalization;
using System.Text.RegularExpressions;

namespace FeedHub.Parsing;

/// <summary>Reads the zone part of a date: names, military letters and numeric offsets in their many spellings.</summary>
internal static partial class ZoneDesignator
{
    // Abbreviations are ambiguous worldwide; feeds that use them almost always mean these. CST is read as US
    // Central (UTC−6), never China Standard Time: Vietnamese sources write +07:00, GMT+7 or ICT, so nothing
    // changes for them.
    private static readonly Dictionary<string, TimeSpan> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = TimeSpan.Zero,
        ["UTC"] = TimeSpan.Zero,
        ["GMT"] = TimeSpan.Zero,
        ["Z"] = TimeSpan.Zero,
        ["EST"] = TimeSpan.FromHours(-5),
        ["EDT"] = TimeSpan.FromHours(-4),
        ["CST"] = TimeSpan.FromHours(-6),
        ["CDT"] = TimeSpan.FromHours(-5),
        ["MST"] = TimeSpan.FromHours(-7),
        ["MDT"] = TimeSpan.FromHours(-6),
        ["PST"] = TimeSpan.FromHours(-8),
        ["PDT"] = TimeSpan.FromHours(-7),
        ["CET"] = TimeSpan.FromHours(1),
        ["CEST"] = TimeSpan.FromHours(2),
        ["BST"] = TimeSpan.FromHours(1),
        ["ICT"] = TimeSpan.FromHours(7),
        ["JST"] = TimeSpan.FromHours(9),
        ["KST"] = TimeSpan.FromHours(9),
        ["IST"] = new TimeSpan(5, 30, 0),
        ["AEST"] = TimeSpan.FromHours(10),
        ["AEDT"] = TimeSpan.FromHours(11),
    };

    private static readonly Dictionary<string, TimeSpan>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup =
        Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The zone forms dates nearly always use, without allocating: a name ("GMT", "ICT"), a military letter, or
    /// an offset ("+0700", "+07:00", "GMT+7", "UTC+07:00"). Agrees with <see cref="TryParse"/> on all of them.
    /// </summary>
    /// <returns>False when the text is not one of these forms; <see cref="TryParse"/> may still read it.</returns>
    public static bool TryParseSimple(ReadOnlySpan<char> zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (zone.IsEmpty)
        {
            return false;
        }

        if (IsAsciiLetters(zone))
        {
            return AbbreviationLookup.TryGetValue(zone, out offset)
                || (zone.Length == 1 && TryMilitary(char.ToUpperInvariant(zone[0]), out offset));
        }

        var p = zone.StartsWith("GMT", StringComparison.OrdinalIgnoreCase) || zone.StartsWith("UTC", StringComparison.OrdinalIgnoreCase) ? 3
            : zone.StartsWith("UT", StringComparison.OrdinalIgnoreCase) ? 2
            : 0;
        if (p >= zone.Length || zone[p] is not ('+' or '-'))
        {
            return false;
        }

        var negative = zone[p] == '-';
        var digits = zone[(p + 1)..];
        int hours, minutes = 0;
        if (digits.Length == 5 && digits[2] == ':' && IsAsciiDigits(digits[..2]) && IsAsciiDigits(digits[3..]))
        {
            hours = ((digits[0] - '0') * 10) + (digits[1] - '0');
            minutes = ((digits[3] - '0') * 10) + (digits[4] - '0');
        }
        else if (digits.Length == 4 && IsAsciiDigits(digits))
        {
            // "+0700" has no colon: four digits are hours and minutes.
            hours = ((digits[0] - '0') * 10) + (digits[1] - '0');
            minutes = ((digits[2] - '0') * 10) + (digits[3] - '0');
        }
        else if (digits.Length is 1 or 2 && IsAsciiDigits(digits))
        {
            hours = digits.Length == 1 ? digits[0] - '0' : ((digits[0] - '0') * 10) + (digits[1] - '0');
        }
        else
        {
            return false;
        }

        // Offsets reach ±14:00 at most; "+1459" is no zone, and DateTimeOffset would refuse it.
        if (minutes > 59 || (hours * 60) + minutes > 14 * 60)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (negative)
        {
            offset = offset.Negate();
        }

        return true;
    }

    private static bool IsAsciiLetters(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiDigits(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');

    /// <summary>Parses a trailing zone such as "GMT", "+0700", "GMT+7", "UTC+07:00" or "(GMT+7)".</summary>
    /// <returns>False when the text is not a zone this reader knows.</returns>
    public static bool TryParse(string text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        var zone = text.Trim();

        // "+0700 (ICT)": a numeric offset followed by a comment; the offset is what counts.
        var comment = TrailingComment().Match(zone);
        if (comment.Success && comment.Index > 0)
        {
            zone = zone[..comment.Index].TrimEnd();
        }

        zone = zone.Trim('(', ')', '[', ']').Trim();
        if (zone.Length == 0)
        {
            return false;
        }

        if (Abbreviations.TryGetValue(zone, out offset))
        {
            return true;
        }

        if (zone.Length == 1 && char.IsAsciiLetter(zone[0]))
        {
            return TryMilitary(char.ToUpperInvariant(zone[0]), out offset);
        }

        var numeric = NumericOffset().Match(zone);
        if (!numeric.Success)
        {
            return false;
        }

        var hours = int.Parse(numeric.Groups["h"].ValueSpan, CultureInfo.InvariantCulture);
        var minutes = numeric.Groups["m"].Success ? int.Parse(numeric.Groups["m"].ValueSpan, CultureInfo.InvariantCulture) : 0;

        // "+0700" has no colon: two digits are hours, four are hours and minutes.
        if (!numeric.Groups["m"].Success && numeric.Groups["h"].Length == 4)
        {
            minutes = hours % 100;
            hours /= 100;
        }

        // Offsets reach ±14:00 at most; "+1459" is no zone, and DateTimeOffset would refuse it.
        if (minutes > 59 || (hours * 60) + minutes > 14 * 60)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (numeric.Groups["sign"].Value is "-" or "−")
        {
            offset = offset.Negate();
        }

        return true;
    }

    private static bool TryMilitary(char letter, out TimeSpan offset)
    {
        offset = letter switch
        {
            'Z' => TimeSpan.Zero,
            >= 'A' and <= 'I' => TimeSpan.FromHours(letter - 'A' + 1),
            >= 'K' and <= 'M' => TimeSpan.FromHours(letter - 'K' + 10),
            >= 'N' and <= 'Y' => TimeSpan.FromHours(-(letter - 'N' + 1)),
            _ => TimeSpan.MinValue,
        };
        return offset != TimeSpan.MinValue;
    }

    [GeneratedRegex(@"\s*\([^)]*\)$")]
    private static partial Regex TrailingComment();

    [GeneratedRegex(@"^(?:(?:GMT|UTC|UT)\s*)?(?<sign>[+\-−])\s*(?:(?<h>\d{1,2}):(?<m>\d{2})|(?<h>\d{4})|(?<h>\d{1,2}))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumericOffset();
}
