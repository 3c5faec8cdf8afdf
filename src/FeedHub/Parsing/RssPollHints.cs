using System.Globalization;
using System.Xml;

namespace FeedHub.Parsing;

/// <summary>Reads the channel elements that hint at a polling rhythm into <see cref="FeedPollHints"/>.</summary>
/// <remarks>Hints are advice: one that cannot be read is left out with a warning, never a reason to reject the feed.</remarks>
internal sealed class RssPollHints
{
    private const string Syndication = "http://purl.org/rss/1.0/modules/syndication/";

    // A ttl of weeks is a typo or a joke; no hint may keep a feed unread for longer than a day.
    private static readonly TimeSpan LongestHint = TimeSpan.FromDays(1);

    private SortedSet<int>? _skipHours;
    private SortedSet<DayOfWeek>? _skipDays;
    private TimeSpan? _timeToLive;
    private string? _updatePeriod;
    private int _updateFrequency = 1;

    /// <summary>Whether the current element is one this class reads; asked first, so feeds without hints allocate nothing.</summary>
    public static bool IsHint(XmlReader reader) => FeedXml.IsRssCore(reader)
        ? reader.LocalName is "ttl" or "skipHours" or "skipDays"
        : reader.NamespaceURI == Syndication && reader.LocalName is "updatePeriod" or "updateFrequency";

    /// <summary>Reads the hint element <see cref="IsHint"/> accepted and moves past it.</summary>
    public void Read(XmlReader reader, FeedReading reading)
    {
        switch (FeedXml.IsRssCore(reader) ? string.Empty : reader.NamespaceURI, reader.LocalName)
        {
            case ("", "ttl"):
                _timeToLive = Minutes(FeedXml.ReadText(reader, reading), "ttl", reading);
                break;
            case ("", "skipHours"):
                ReadList(reader, reading, "hour", AddHour);
                break;
            case ("", "skipDays"):
                ReadList(reader, reading, "day", AddDay);
                break;
            case (Syndication, "updatePeriod"):
                _updatePeriod = FeedXml.ReadText(reader, reading).Trim().ToLowerInvariant();
                break;
            case (Syndication, "updateFrequency"):
                _updateFrequency = int.TryParse(FeedXml.ReadText(reader, reading).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var frequency) && frequency > 0 ? frequency : 1;
                break;
            default:
                reader.Skip();
                break;
        }
    }

    public FeedPollHints ToHints(FeedReading reading)
    {
        var hints = new FeedPollHints(_timeToLive, [.. _skipHours ?? []], [.. _skipDays ?? []], UpdatePeriod(reading));

        // A feed that skips every hour or every day would never be read; such a hint is ignored whole.
        if (hints.SkipHours.Count == 24 || hints.SkipDays.Count == 7)
        {
            reading.Warnings.Add("skipHours or skipDays covers the whole week and is ignored");
            hints = hints with { SkipHours = hints.SkipHours.Count == 24 ? [] : hints.SkipHours, SkipDays = hints.SkipDays.Count == 7 ? [] : hints.SkipDays };
        }

        return hints.IsNone ? FeedPollHints.None : hints;
    }

    private TimeSpan? UpdatePeriod(FeedReading reading)
    {
        TimeSpan? period = _updatePeriod switch
        {
            null => null,
            "hourly" => TimeSpan.FromHours(1),
            "daily" => TimeSpan.FromDays(1),
            "weekly" => TimeSpan.FromDays(7),
            "monthly" => TimeSpan.FromDays(30),
            "yearly" => TimeSpan.FromDays(365),
            _ => Unknown(reading),
        };
        return period is { } known ? Bounded(known / _updateFrequency) : null;
    }

    private TimeSpan? Unknown(FeedReading reading)
    {
        reading.Warnings.Add($"sy:updatePeriod '{_updatePeriod}' is not hourly, daily, weekly, monthly or yearly and is ignored");
        return null;
    }

    private static TimeSpan? Minutes(string text, string element, FeedReading reading)
    {
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            return minutes == 0 ? null : Bounded(TimeSpan.FromMinutes(minutes));
        }

        reading.Warnings.Add($"{element} '{text.Trim()}' is not a number of minutes and is ignored");
        return null;
    }

    private static TimeSpan Bounded(TimeSpan hint) => hint > LongestHint ? LongestHint : hint;

    private static void ReadList(XmlReader reader, FeedReading reading, string child, Action<string, FeedReading> add)
    {
        if (!FeedXml.Enter(reader, out var depth))
        {
            return;
        }

        while (FeedXml.NextChild(reader, depth, reading.Limits))
        {
            if (reader.LocalName == child)
            {
                add(FeedXml.ReadText(reader, reading).Trim(), reading);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private void AddHour(string text, FeedReading reading)
    {
        // RSS 2.0 says 0–23; Userland's original spec counted 1–24, so 24 is midnight.
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour is >= 0 and <= 24)
        {
            (_skipHours ??= []).Add(hour % 24);
        }
        else
        {
            reading.Warnings.Add($"skipHours hour '{text}' is not 0–23 and is ignored");
        }
    }

    private void AddDay(string text, FeedReading reading)
    {
        if (Enum.TryParse<DayOfWeek>(text, ignoreCase: true, out var day) && Enum.IsDefined(day) && !char.IsDigit(text[0]))
        {
            (_skipDays ??= []).Add(day);
        }
        else
        {
            reading.Warnings.Add($"skipDays day '{text}' is not a day of the week and is ignored");
        }
    }
}
