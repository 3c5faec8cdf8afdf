using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FeedHub.Normalizing;

namespace FeedHub.Clustering;

/// <summary>
/// The numbers and dates a text states, in one spelling each: "20/01/2026", "20-1" and "ngày 20 tháng 1" are all
/// the date 20/1; "84,5" and "84.5" are one number. Daily reports (gold prices, lottery results, weather) are
/// word for word the same from day to day except for these, so they are what tells such stories apart.
/// </summary>
internal static partial class StoryNumbers
{
    public static string[] Of(string? text)
    {
        var folded = FoldedText.Of(text);
        var numbers = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match match in NumberPattern().Matches(folded))
        {
            numbers.Add(Canonical(match));
        }

        return [.. numbers];
    }

    /// <summary>Whether a number is a day and month: the part daily reports differ in.</summary>
    public static bool IsDate(string number) => number.Contains('/', StringComparison.Ordinal);

    /// <summary>
    /// Whether a figure tells one story from another: a lone digit ("2 người", "m2") or a year ("năm 2025") is
    /// shared by too many stories to tell them apart, an amount, a score or a lottery number is not.
    /// </summary>
    public static bool IsTelling(string number) =>
        !IsDate(number) && number.Count(char.IsAsciiDigit) >= 2 && !IsYear(number);

    private static bool IsYear(string number) =>
        number.Length == 4 && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100;

    private static string Canonical(Match match)
    {
        if (match.Groups["day"].Success)
        {
            return Date(match.Groups["day"].Value, match.Groups["month"].Value);
        }

        var groups = match.Value.Split(['.', ',', '/', '-', ':'], StringSplitOptions.RemoveEmptyEntries);
        var separator = match.Value.FirstOrDefault(c => !char.IsAsciiDigit(c));
        // "20/1" and "20-1-2026" are dates; "10-12" is a range ("10-12 độ C"), as ranges are far commoner.
        if (((separator == '/' && groups.Length is 2 or 3) || (separator == '-' && groups.Length == 3)) && IsDayAndMonth(groups[0], groups[1]))
        {
            return Date(groups[0], groups[1]);
        }

        // "84,5" and "84.5", "500.000" and "500,000": the separators vary by outlet, the digits do not.
        return string.Join('.', groups.Select(TrimZeros));
    }

    private static bool IsDayAndMonth(string day, string month) =>
        int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 31
        && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12;

    private static string Date(string day, string month) =>
        new StringBuilder().Append(TrimZeros(day)).Append('/').Append(TrimZeros(month)).ToString();

    private static string TrimZeros(string digits)
    {
        var trimmed = digits.TrimStart('0');
        return trimmed.Length == 0 ? "0" : trimmed;
    }

    // Folded text: "ngày 20 tháng 1" is "ngay 20 thang 1".
    [GeneratedRegex(@"(?:ngay\s+)?(?<day>\d{1,2})\s+thang\s+(?<month>\d{1,2})\b|\d+(?:[.,/:-]\d+)*", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
