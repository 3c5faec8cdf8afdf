using System.Text.Json;
using FeedHub.Feeds;
using FeedHub.Parsing;
using Xunit;

namespace FeedHub.Tests.Feeds;

/// <summary>
/// Every output is read back by two parsers that did not write it: Debian's python3-feedparser (what
/// many readers use; bozo must be false) and FeedHub's own parser (what another FeedHub would use).
/// </summary>
public sealed class FeedOutputCompatibilityTests : IDisposable
{
    private static readonly FeedAddress Address =
        new(new Uri("http://127.0.0.1:5080/"), "tin-viet", "s3cr3t-token_0123456789", new ItemCursor(new DateTimeOffset(2026, 1, 20, 0, 0, 0, TimeSpan.Zero), null));

    private static readonly ItemCursor NextPage = new(new DateTimeOffset(2026, 1, 19, 6, 35, 0, TimeSpan.Zero), Guid.Parse("5d1b7c44-0000-4000-8000-000000000001"));

    private readonly string folder = Directory.CreateTempSubdirectory("feedhub-outputs-").FullName;

    public static TheoryData<string> Outputs => new("rss", "atom", "json");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Debian_feedparser_reads_each_output_without_complaint(string extension)
    {
        DebianFeedparser.RequireInstalled();
        var feed = SampleFeeds.All() with { Next = NextPage };
        var path = Path.Combine(folder, $"tin-viet.{extension}");
        File.WriteAllBytes(path, Write(feed, extension));

        var parsed = DebianFeedparser.Parse(path, extension);

        Assert.False(parsed.GetProperty("bozo").GetBoolean(), $"bozo: {parsed.GetProperty("error").GetString()}");
        Assert.Equal(feed.Title, parsed.GetProperty("title").GetString());
        var entries = parsed.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(feed.Items.Count, entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var item = feed.Items[i];
            Assert.Equal(FeedTimestamps.IdOf(item.Id), entries[i].GetProperty("id").GetString());
            Assert.Equal(ExpectedTitle(item, extension), entries[i].GetProperty("title").GetString());
            Assert.Equal(item.Link!.AbsoluteUri, entries[i].GetProperty("link").GetString());
            Assert.Equal(item.Credits[0].Name, entries[i].GetProperty("author").GetString());
        }

        Assert.Equal(["Thời sự", "Hà Nội"], entries[0].GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("https://vnexpress.net/anh.jpg", entries[0].GetProperty("enclosures")[0].GetString());
        // RFC 5005 paging survives into feedparser's feed links (its JSON Feed reader, in 6.1 and later, drops next_url).
        if (extension != "json" || parsed.GetProperty("reader").GetString() == "json")
        {
            Assert.Contains(parsed.GetProperty("links").EnumerateArray(), l =>
                l.GetProperty("rel").GetString() == "next" && l.GetProperty("href").GetString() == Address.Of(Output(extension), NextPage).AbsoluteUri);
        }

        if (extension != "json")
        {
            // The XML formats credit the origin outlet in a <source> feedparser reads.
            Assert.Equal("VnExpress", entries[0].GetProperty("source").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public void FeedHubs_own_parser_reads_each_output_back(string extension)
    {
        var feed = SampleFeeds.All() with { Next = NextPage };

        var result = new FeedParser().Parse(Write(feed, extension), new ParseContext(Address.Self(Output(extension)), TimeZoneInfo.Utc, feed.UpdatedAt));

        var parsed = Assert.IsType<FeedParseResult.Parsed>(result).Feed;
        Assert.Equal(feed.Title, parsed.Title);
        Assert.Equal(feed.Items.Count, parsed.Items.Count);
        for (var i = 0; i < feed.Items.Count; i++)
        {
            var (item, back) = (feed.Items[i], parsed.Items[i]);
            Assert.Equal(FeedTimestamps.IdOf(item.Id), back.Id);
            Assert.Equal(ExpectedTitle(item, extension), back.Title);
            Assert.Equal(item.Link!.AbsoluteUri, back.Link);
            Assert.Equal(item.Credits.Select(a => a.Name), back.Authors.Select(a => a.Name));
        }

        var first = parsed.Items[0];
        Assert.Equal(new DateTimeOffset(2026, 1, 19, 6, 35, 0, TimeSpan.Zero), first.Published);
        Assert.Equal(["Thời sự", "Hà Nội"], first.Categories);
        Assert.Equal("https://vnexpress.net/anh.jpg", Assert.Single(first.Enclosures).Url);
    }

    [Fact]
    public void The_json_feed_links_the_next_page_and_the_page_carrying_the_token()
    {
        var feed = SampleFeeds.All() with { Next = NextPage };

        using var json = JsonDocument.Parse(JsonFeedWriter.Write(feed, Address));

        var next = json.RootElement.GetProperty("next_url").GetString();
        Assert.Equal($"http://127.0.0.1:5080/feeds/tin-viet.json?before={NextPage}&token=s3cr3t-token_0123456789", next);
        Assert.Equal("http://127.0.0.1:5080/feeds/tin-viet?token=s3cr3t-token_0123456789", json.RootElement.GetProperty("home_page_url").GetString());
    }

    /// <summary>XML 1.0 cannot carry control characters, so the XML writers drop them; JSON escapes them.</summary>
    private static string ExpectedTitle(MergedFeedItem item, string extension) =>
        extension == "json" ? item.Title : FeedHub.Feeds.FeedXml.Clean(item.Title);

    private static FeedOutput Output(string extension) => FeedOutputs.TryParse(extension, out var output) ? output : throw new ArgumentException(extension);

    private static byte[] Write(MergedFeed feed, string extension) => Output(extension) switch
    {
        FeedOutput.Rss => RssWriter.Write(feed, Address),
        FeedOutput.Atom => AtomWriter.Write(feed, Address),
        _ => JsonFeedWriter.Write(feed, Address),
    };
}
