using System.Text;
using FeedHub.Parsing;
using Xunit;

namespace FeedHub.Tests.Parsing;

public sealed class FeedParserTests
{
    private static readonly ParseContext Context = new(new Uri("https://example.test/feed"), TimeZoneInfo.Utc, new DateTimeOffset(2026, 1, 20, 0, 0, 0, TimeSpan.Zero));
    private readonly FeedParser _parser = new();

    [Fact]
    public void Never_throws_on_arbitrary_bytes()
    {
        var random = new Random(20260119);
        var seeds = new[]
        {
            "<rss version=\"2.0\"><channel><item><title>x</title><pubDate>Mon, 19 Jan 2026</pubDate></item></channel></rss>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><link href=\"a\"/></entry></feed>",
        };
        foreach (var seed in seeds)
        {
            var bytes = Encoding.UTF8.GetBytes(seed);
            for (var i = 0; i < 300; i++)
            {
                var mutated = (byte[])bytes.Clone();
                for (var j = 0; j < 3; j++)
                {
                    mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
                }

                var cut = mutated.AsSpan(0, random.Next(mutated.Length + 1)).ToArray();
                Assert.NotNull(_parser.Parse(mutated, Context));
                Assert.NotNull(_parser.Parse(cut, Context));
            }
        }
    }

    [Fact]
    public void Reads_a_billion_laughs_document_without_expanding_it()
    {
        var document = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <rss version="2.0"><channel><title>&lol2;</title></channel></rss>
            """;

        var result = _parser.Parse(Encoding.UTF8.GetBytes(document), Context);

        // The DOCTYPE is dropped unread, so its entities are undefined names kept as text, never expanded.
        var parsed = Assert.IsType<FeedParseResult.Parsed>(result);
        Assert.Equal("&lol2;", parsed.Feed.Title);
        Assert.Contains("DOCTYPE ignored", parsed.Feed.Warnings);
    }

    [Theory]
    [InlineData("utf-7")]
    [InlineData("x-klingon")]
    public void Reads_a_feed_whose_declared_encoding_cannot_be_used(string encoding)
    {
        var document = $"<?xml version=\"1.0\" encoding=\"{encoding}\"?><rss version=\"2.0\"><channel><title>Tin tức</title></channel></rss>";

        var feed = Assert.IsType<FeedParseResult.Parsed>(_parser.Parse(Encoding.UTF8.GetBytes(document), Context)).Feed;

        Assert.Equal("Tin tức", feed.Title);
        Assert.Contains($"XML declaration encoding \"{encoding}\" is not a known encoding; ignored", feed.Warnings);
    }

    [Fact]
    public void Keeps_the_feed_when_one_date_is_bad()
    {
        var document = """
            <rss version="2.0"><channel><title>t</title>
              <item><title>a</title><link>https://example.test/a</link><pubDate>not a date</pubDate></item>
              <item><title>b</title><link>https://example.test/b</link><pubDate>Mon, 19 Jan 2026 10:00:00 GMT</pubDate></item>
            </channel></rss>
            """;

        var feed = Assert.IsType<FeedParseResult.Parsed>(_parser.Parse(Encoding.UTF8.GetBytes(document), Context)).Feed;

        Assert.Null(feed.Items[0].Published);
        Assert.Equal(new DateTimeOffset(2026, 1, 19, 10, 0, 0, TimeSpan.Zero), feed.Items[1].Published);
        Assert.Contains("date \"not a date\" could not be read; left empty", feed.Warnings);
    }

    [Fact]
    public void Prefers_pubDate_over_dc_date()
    {
        var document = """
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>
              <item><title>a</title><pubDate>Mon, 19 Jan 2026 10:00:00 GMT</pubDate><dc:date>2025-01-01T00:00:00Z</dc:date></item>
            </channel></rss>
            """;

        var feed = Assert.IsType<FeedParseResult.Parsed>(_parser.Parse(Encoding.UTF8.GetBytes(document), Context)).Feed;

        Assert.Equal(new DateTimeOffset(2026, 1, 19, 10, 0, 0, TimeSpan.Zero), feed.Items[0].Published);
    }

    [Fact]
    public void Does_not_take_a_non_url_guid_for_a_link()
    {
        var document = "<rss version=\"2.0\"><channel><title>t</title><item><title>a</title><guid>article-17</guid></item></channel></rss>";

        var feed = Assert.IsType<FeedParseResult.Parsed>(_parser.Parse(Encoding.UTF8.GetBytes(document), Context)).Feed;

        Assert.Equal("article-17", feed.Items[0].Id);
        Assert.Null(feed.Items[0].Link);
    }

    [Theory]
    [InlineData("{\"name\":\"not a feed\"}", "jsonfeed", "not a feed: JSON without a JSON Feed version or items")]
    [InlineData("<rss version=\"9.0\"><channel/></rss>", "unknown", "unsupported RSS version \"9.0\"")]
    [InlineData("<rss version=\"2.0\"<channel/></rss>", "unknown", "malformed XML: Name cannot begin with the '<' character, hexadecimal value 0x3C. Line 1, position 19.")]
    [InlineData("<opml version=\"2.0\"/>", "unknown", "not a feed: root element <opml>")]
    [InlineData("", "unknown", "empty document")]
    public void Rejects_what_it_cannot_read_with_a_reason(string document, string format, string reason)
    {
        var rejected = Assert.IsType<FeedParseResult.Rejected>(_parser.Parse(Encoding.UTF8.GetBytes(document), Context));

        Assert.Equal(format, rejected.Format.ToContractName());
        Assert.Equal(reason, rejected.Reason);
    }

    [Fact]
    public void Lists_the_feeds_an_html_page_advertises()
    {
        var page = """
            <!DOCTYPE html><html><head>
            <link rel="alternate" type="application/rss+xml" href="/rss.xml">
            <link rel="alternate" type="application/atom+xml" href="https://other.example/atom">
            <link rel="stylesheet" href="/site.css">
            </head><body></body></html>
            """;

        var rejected = Assert.IsType<FeedParseResult.Rejected>(_parser.Parse(Encoding.UTF8.GetBytes(page), Context));

        Assert.Equal("not a feed", rejected.Reason);
        Assert.Equal([new Uri("https://example.test/rss.xml"), new Uri("https://other.example/atom")], rejected.AdvertisedFeeds);
    }

    [Fact]
    public void Without_a_base_url_relative_feed_links_are_not_turned_into_file_paths()
    {
        var page = """
            <html><head>
            <link rel="alternate" type="application/rss+xml" href="/rss/tin-moi-nhat.rss">
            <link rel="alternate" type="application/atom+xml" href="https://other.example/atom">
            </head></html>
            """;

        var rejected = Assert.IsType<FeedParseResult.Rejected>(_parser.Parse(Encoding.UTF8.GetBytes(page), Context with { BaseUrl = null }));

        Assert.Equal([new Uri("https://other.example/atom")], rejected.AdvertisedFeeds);
    }
}
