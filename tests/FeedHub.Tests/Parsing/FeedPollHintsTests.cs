using System.Text;
using FeedHub.Parsing;
using Xunit;

namespace FeedHub.Tests.Parsing;

public sealed class FeedPollHintsTests
{
    private static readonly ParseContext Context = new(new Uri("https://example.test/feed"), TimeZoneInfo.Utc, new DateTimeOffset(2026, 1, 20, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Rss_ttl_skip_hours_and_skip_days_are_read()
    {
        var feed = Parse("""
            <rss version="2.0"><channel><title>Tin</title><ttl>60</ttl>
            <skipHours><hour>1</hour><hour>2</hour><hour>24</hour></skipHours>
            <skipDays><day>Saturday</day><day>sunday</day></skipDays>
            <item><title>a</title></item></channel></rss>
            """);

        Assert.Equal(TimeSpan.FromMinutes(60), feed.PollHints.TimeToLive);
        Assert.Equal([0, 1, 2], feed.PollHints.SkipHours);
        Assert.Equal([DayOfWeek.Sunday, DayOfWeek.Saturday], feed.PollHints.SkipDays);
        Assert.Single(feed.Items);
    }

    [Fact]
    public void The_syndication_module_gives_the_period_divided_by_the_frequency()
    {
        var feed = Parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
              <channel rdf:about="https://example.test/"><title>Tin</title><link>https://example.test/</link>
                <sy:updatePeriod> Daily </sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency></channel>
              <item rdf:about="https://example.test/a"><title>a</title><link>https://example.test/a</link></item>
            </rdf:RDF>
            """);

        Assert.Equal(TimeSpan.FromHours(6), feed.PollHints.UpdatePeriod);
        Assert.Single(feed.Items);
    }

    [Fact]
    public void Unreadable_hints_are_dropped_with_a_warning_and_the_feed_is_kept()
    {
        var feed = Parse("""
            <rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel><title>Tin</title>
            <ttl>soon</ttl><skipHours><hour>25</hour></skipHours><skipDays><day>Funday</day><day>3</day></skipDays>
            <sy:updatePeriod>fortnightly</sy:updatePeriod><item><title>a</title></item></channel></rss>
            """);

        Assert.True(feed.PollHints.IsNone);
        Assert.Contains(feed.Warnings, w => w.Contains("ttl 'soon'", StringComparison.Ordinal));
        Assert.Contains(feed.Warnings, w => w.Contains("hour '25'", StringComparison.Ordinal));
        Assert.Contains(feed.Warnings, w => w.Contains("day 'Funday'", StringComparison.Ordinal));
        Assert.Contains(feed.Warnings, w => w.Contains("day '3'", StringComparison.Ordinal));
        Assert.Contains(feed.Warnings, w => w.Contains("fortnightly", StringComparison.Ordinal));
        Assert.Single(feed.Items);
    }

    [Fact]
    public void A_hint_of_weeks_is_held_to_a_day_and_one_skipping_every_hour_is_ignored()
    {
        var hours = string.Concat(Enumerable.Range(0, 24).Select(h => $"<hour>{h}</hour>"));
        var feed = Parse($"""<rss version="2.0"><channel><ttl>40320</ttl><skipHours>{hours}</skipHours></channel></rss>""");

        Assert.Equal(TimeSpan.FromDays(1), feed.PollHints.TimeToLive);
        Assert.Empty(feed.PollHints.SkipHours);
        Assert.Contains(feed.Warnings, w => w.Contains("whole week", StringComparison.Ordinal));
    }

    [Fact]
    public void A_feed_without_hints_has_none()
    {
        Assert.Same(FeedPollHints.None, Parse("""<rss version="2.0"><channel><title>Tin</title></channel></rss>""").PollHints);
    }

    private static ParsedFeed Parse(string xml) =>
        Assert.IsType<FeedParseResult.Parsed>(new FeedParser().Parse(Encoding.UTF8.GetBytes(xml), Context)).Feed;
}
