namespace FeedHub.Parsing;

/// <summary>A date read from feed text, with what had to be guessed to read it.</summary>
/// <param name="Value">The instant, in UTC.</param>
/// <param name="ZoneAssumed">The text named no zone, so the fallback zone was used.</param>
/// <param name="MonthFirst">The text was read as month/day because day/month was impossible.</param>
internal readonly record struct FeedDateReading(DateTimeOffset Value, bool ZoneAssumed, bool MonthFirst);
