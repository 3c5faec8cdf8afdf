using System.Globalization;
using System.Text;

namespace FeedHub.Parsing;

/// <summary>Reads a feed's dates in the context it was fetched in, and says what it had to guess.</summary>
/// <remarks>A date that cannot be read never rejects a feed: it becomes null and a warning.</remarks>
internal sealed class FeedDates(ParseContext context, ParseWarnings warnings)
{
    /// <summary>How far ahead of the fetch a date may be before it is treated as wrong (clock skew, zone mix-ups).</summary>
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(1);

    /// <summary>The feed's declared language, once read; a Vietnamese feed's numeric dates are always day first.</summary>
    public string? Language { get; set; }

    private bool IsDayFirstSource =>
        Language?.StartsWith("vi", StringComparison.OrdinalIgnoreCase) == true
        || context.TimeZone.Id is "Asia/Ho_Chi_Minh" or "Asia/Saigon";

    /// <returns>The date in UTC, or null when the text is empty or unreadable.</returns>
    public DateTimeOffset? Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!FeedDateParser.TryParse(text, context.TimeZone, out var reading, allowMonthFirst: !IsDayFirstSource))
        {
            warnings.Add($"date \"{Quoted(text)}\" could not be read; left empty");
            return null;
        }

        if (reading.ZoneAssumed)
        {
            warnings.Add($"date \"{Quoted(text)}\" has no timezone; read as {context.TimeZone.Id}");
        }

        if (reading.MonthFirst)
        {
            warnings.Add($"date \"{Quoted(text)}\" read as month/day because day/month is impossible");
        }

        var fetchedAt = context.FetchedAt.ToUniversalTime();
        if (reading.Value > fetchedAt + FutureTolerance)
        {
            warnings.Add($"date \"{Quoted(text)}\" is in the future; clamped to the fetch time {fetchedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}");
            return fetchedAt;
        }

        return reading.Value;
    }

    /// <summary>The date as a warning quotes it; only built when there is something to warn about.</summary>
    private static string Quoted(string text) => text.Trim().Normalize(NormalizationForm.FormC);
}
