using System.Text;
using FeedHub.Sources.Opml;
using Xunit;

namespace FeedHub.Tests.Sources.Opml;

public sealed class OpmlReaderTests
{
    [Fact]
    public void Folders_become_tags_and_feeds_outside_folders_have_none()
    {
        var feeds = Read("feedly-folders.opml");

        Assert.Equal(4, feeds.Count);
        Assert.Equal(["Tin tức"], feeds[0].Tags);
        Assert.Equal(["Tech"], feeds[2].Tags);
        Assert.Empty(feeds[3].Tags);
        Assert.Equal("https://vnexpress.example.vn/rss/tin-moi-nhat.rss", feeds[0].Url);
        Assert.Equal("https://vnexpress.example.vn/", feeds[0].HtmlUrl);
    }

    [Fact]
    public void Vietnamese_titles_written_decomposed_come_out_nfc()
    {
        var feeds = Read("feedly-folders.opml");

        Assert.Equal("VnExpress - Tin mới nhất", feeds[0].Title);
        Assert.True(feeds[0].Title!.IsNormalized(NormalizationForm.FormC));
        Assert.Equal("Tuổi Trẻ", feeds[1].Title);
        Assert.True(feeds[0].Tags[0].IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Reads_the_head_title_after_a_byte_order_mark()
    {
        var read = Assert.IsType<OpmlReadResult.Read>(OpmlReader.Read(OpmlFixtures.Bytes("feedly-folders.opml")));

        Assert.Equal("Nguyễn subscriptions in feedly Cloud", read.Title);
    }

    [Fact]
    public void Each_ancestor_folder_is_a_tag_outermost_first()
    {
        var feeds = Read("netnewswire-nested.opml");

        var nasa = Assert.Single(feeds, f => f.Title == "NASA Breaking News");
        Assert.Equal(["Reading", "Science", "Space"], nasa.Tags);
    }

    [Fact]
    public void The_category_attribute_adds_each_path_segment_as_a_tag()
    {
        var feeds = Read("inoreader-categories.opml");

        Assert.Equal(["News", "World", "Europe", "Radio"], feeds[0].Tags);
    }

    [Fact]
    public void Reads_xmlurl_in_any_case_and_url_on_feed_outlines_but_not_on_links()
    {
        var feeds = Read("inoreader-categories.opml");

        Assert.Contains(feeds, f => f.Url == "https://www.example.com/world/rss");
        Assert.Contains(feeds, f => f.Url == "https://podcast.example.net/feed.xml");
        Assert.DoesNotContain(feeds, f => f.Url == "https://www.example.org/about");
    }

    [Fact]
    public void Keeps_every_listing_of_a_feed_listed_twice()
    {
        var feeds = Read("inoreader-categories.opml");

        Assert.Equal(2, feeds.Count(f => f.Url == "https://feeds.example.co.uk/news/world/rss.xml"));
    }

    [Fact]
    public void A_feed_outline_without_xmlurl_is_kept_for_the_importer_to_report()
    {
        var feeds = Read("netnewswire-nested.opml");

        var broken = Assert.Single(feeds, f => f.Title == "Broken entry");
        Assert.Null(broken.Url);
        Assert.Equal(3, feeds.Count);
    }

    [Fact]
    public void Reads_a_legacy_encoding_the_declaration_names()
    {
        var feeds = Read("legacy-windows-1252.opml");

        var feed = Assert.Single(feeds);
        Assert.Equal("Le Café du Commerce", feed.Title);
        Assert.Equal(["Actualités"], feed.Tags);
    }

    [Fact]
    public void Refuses_a_dtd_so_external_entities_are_never_read()
    {
        var reason = Rejected(OpmlFixtures.Bytes("xxe-external-entity.opml"));

        Assert.Contains("DTD", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Says_a_feed_is_a_feed_not_opml()
    {
        var reason = Rejected(OpmlFixtures.Bytes("not-opml-rss-feed.xml"));

        Assert.Equal("it is a feed (<rss>), not an OPML subscription list; add it as a source instead", reason);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("{\"feeds\": []}", "it is not well-formed XML")]
    [InlineData("<html><body>hi</body></html>", "it is an HTML page")]
    [InlineData("<opml version=\"2.0\"><head/></opml>", "it has no <body>")]
    [InlineData("<opml><body><outline text=\"x\"></body></opml>", "it is not well-formed XML")]
    public void Explains_why_other_input_is_not_opml(string input, string expectedStart)
    {
        var reason = Rejected(Encoding.UTF8.GetBytes(input));

        Assert.StartsWith(expectedStart, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_more_outlines_than_the_limit()
    {
        var reason = Rejected(Encoding.UTF8.GetBytes(OpmlFixtures.Generated(OpmlLimits.MaxOutlines + 1)));

        Assert.Contains("more than 50000 outlines", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_file_over_the_size_limit()
    {
        var reason = Rejected(new byte[OpmlLimits.MaxBytes + 1]);

        Assert.Contains("larger than 10 MB", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_an_empty_body_as_no_feeds()
    {
        var read = Assert.IsType<OpmlReadResult.Read>(OpmlReader.Read("<opml version=\"2.0\"><head><title>t</title></head><body/></opml>"u8.ToArray()));

        Assert.Empty(read.Feeds);
    }

    private static IReadOnlyList<OpmlFeed> Read(string fixture) =>
        Assert.IsType<OpmlReadResult.Read>(OpmlReader.Read(OpmlFixtures.Bytes(fixture))).Feeds;

    private static string Rejected(byte[] body) => Assert.IsType<OpmlReadResult.Rejected>(OpmlReader.Read(body)).Reason;
}
