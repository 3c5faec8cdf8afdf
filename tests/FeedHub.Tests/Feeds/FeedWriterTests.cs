using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using FeedHub.Feeds;
using Xunit;

namespace FeedHub.Tests.Feeds;

public sealed class FeedWriterTests
{
    private static readonly FeedAddress Address = new(new Uri("http://localhost:5080/"), "all", null, null);

    [Fact]
    public void Atom_round_trips_with_ids_links_and_source_credit()
    {
        var feed = Load(AtomWriter.Write(SampleFeeds.All(), Address));

        Assert.Equal("FeedHub: all sources", feed.Title.Text);
        var items = feed.Items.ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal("urn:uuid:5d1b7c44-0000-4000-8000-000000000001", items[0].Id);
        Assert.Equal("Hà Nội công bố kế hoạch chống ngập", items[0].Title.Text);
        Assert.Equal(new Uri("https://vnexpress.net/ha-noi-chong-ngap-1001.html"), items[0].Links.Single(l => l.RelationshipType == "alternate").Uri);
        Assert.Equal("VnExpress", items[0].SourceFeed.Title.Text);
        Assert.Equal("Báo Chính phủ", items[1].SourceFeed.Title.Text);
        Assert.Equal(new DateTimeOffset(2026, 1, 19, 6, 35, 0, TimeSpan.Zero), items[0].PublishDate);
        Assert.Equal(["Thời sự", "Hà Nội"], items[0].Categories.Select(c => c.Name));
        Assert.Equal("Minh Anh", items[0].Authors.Single().Name);
    }

    [Fact]
    public void Rss_round_trips_with_guid_self_link_and_source_credit()
    {
        var bytes = RssWriter.Write(SampleFeeds.All(), Address);
        var feed = Load(bytes);
        var items = feed.Items.ToList();

        Assert.Equal("urn:uuid:5d1b7c44-0000-4000-8000-000000000001", items[0].Id);
        Assert.Equal("Hà Nội công bố kế hoạch chống ngập", items[0].Title.Text);
        Assert.Equal("VnExpress", items[0].SourceFeed.Title.Text);
        var xml = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.Contains("<atom:link href=\"http://localhost:5080/feeds/all.rss\" rel=\"self\"", xml, StringComparison.Ordinal);
        Assert.Contains("<dc:creator>Minh Anh</dc:creator>", xml, StringComparison.Ordinal);
        Assert.Contains("<enclosure url=\"https://vnexpress.net/anh.jpg\" length=\"12345\" type=\"image/jpeg\"", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Characters_xml_cannot_carry_are_dropped_not_fatal()
    {
        var feed = Load(AtomWriter.Write(SampleFeeds.All(), Address));

        Assert.Equal("Thủ tướng chủ trì phiên họp Chính phủ", feed.Items.ElementAt(1).Title.Text);
    }

    [Fact]
    public void Json_feed_is_version_1_1_with_the_outlet_in_its_extension()
    {
        using var json = JsonDocument.Parse(JsonFeedWriter.Write(SampleFeeds.All(), Address));
        var root = json.RootElement;

        Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
        Assert.Equal("http://localhost:5080/feeds/all.json", root.GetProperty("feed_url").GetString());
        var first = root.GetProperty("items")[0];
        Assert.Equal("Hà Nội công bố kế hoạch chống ngập", first.GetProperty("title").GetString());
        Assert.Equal("2026-01-19T06:35:00Z", first.GetProperty("date_published").GetString());
        Assert.Equal("VnExpress", first.GetProperty("_feedhub").GetProperty("source").GetProperty("name").GetString());
        Assert.Equal("image/jpeg", first.GetProperty("attachments")[0].GetProperty("mime_type").GetString());
        Assert.Equal("Thủ tướng chủ trì phiên họp\u0001 Chính phủ", root.GetProperty("items")[1].GetProperty("title").GetString());
    }

    [Fact]
    public void Json_keeps_vietnamese_text_readable()
    {
        var text = System.Text.Encoding.UTF8.GetString(JsonFeedWriter.Write(SampleFeeds.All(), Address));

        Assert.Contains("Hà Nội công bố", text, StringComparison.Ordinal);
    }

    private static SyndicationFeed Load(byte[] bytes)
    {
        using var reader = XmlReader.Create(new MemoryStream(bytes));
        return SyndicationFeed.Load(reader);
    }
}
