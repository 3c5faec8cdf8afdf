using FeedHub.Parsing;
using FeedHub.Parsing.Listing;
using Xunit;

namespace FeedHub.Tests.Parsing.Listing;

/// <summary>Reads the listing fixtures as the service would, at a fixed fetch time in Vietnam.</summary>
internal static class ListingFixtures
{
    public static readonly TimeZoneInfo Saigon = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary>14:00 on 19 January 2026 in Vietnam.</summary>
    public static readonly DateTimeOffset FetchedAt = new(2026, 1, 19, 7, 0, 0, TimeSpan.Zero);

    public static byte[] Bytes(string fixture) => File.ReadAllBytes(Path.Combine("Parsing", "Listing", "Fixtures", fixture));

    public static FeedParseResult Read(string fixture, string pageUrl, ListingSelectors selectors, string? contentType = null, ParserLimits? limits = null) =>
        new HtmlListingReader(limits ?? ParserLimits.Default).Read(Bytes(fixture), contentType, selectors, new ParseContext(new Uri(pageUrl), Saigon, FetchedAt));

    public static ParsedFeed Parsed(string fixture, string pageUrl, ListingSelectors selectors, string? contentType = null, ParserLimits? limits = null) =>
        Assert.IsType<FeedParseResult.Parsed>(Read(fixture, pageUrl, selectors, contentType, limits)).Feed;

    public static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
