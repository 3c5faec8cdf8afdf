using System.Text.RegularExpressions;

namespace FeedHub.Extracting;

/// <summary>Finds the date inside a page's date line, which also carries labels, places and bylines.</summary>
internal static partial class VietnameseDateText
{
    /// <returns>The date and time part, in a form <see cref="Parsing.FeedDateParser"/> reads, or null.</returns>
    public static string? Find(string text)
    {
        var match = DayFirstDate().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var found = $"{match.Groups["date"].Value} {match.Groups["time"].Value}".Trim();
        return match.Groups["zone"].Success ? $"{found} {match.Groups["zone"].Value.Replace(" ", string.Empty, StringComparison.Ordinal)}" : found;
    }

    // "19/1/2026, 13:35 (GMT+7)", "13:35 19/01/2026", "19-01-2026 - 13:35 GMT+7".
    [GeneratedRegex(
        @"(?:(?<time>\d{1,2}[:hH]\d{2})\s*[,|\-–]?\s*)?(?<date>\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4})(?:\s*[,|\-–]?\s*(?<time>\d{1,2}[:hH]\d{2}))?(?:\s*\(?(?<zone>GMT\s*[+\-]\s*\d{1,2})\)?)?",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DayFirstDate();
}
