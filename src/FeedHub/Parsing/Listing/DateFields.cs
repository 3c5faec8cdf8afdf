namespace FeedHub.Parsing.Listing;

/// <summary>The fields a date pattern found; zero where the pattern has no such field.</summary>
/// <param name="Offset">The zone the text named, or null to read it in the source's zone.</param>
internal readonly record struct DateFields(int Year, int Month, int Day, int Hour, int Minute, int Second, TimeSpan? Offset);
