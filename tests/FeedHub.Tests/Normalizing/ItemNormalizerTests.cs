using System.Text;
using FeedHub.Contracts;
using FeedHub.Dedup;
using FeedHub.Normalizing;
using FeedHub.Parsing;
using Xunit;

namespace FeedHub.Tests.Normalizing;

public sealed class ItemNormalizerTests
{
    private static readonly Uri FeedUrl = new("https://news.example.com/rss/latest.rss");
    private readonly ItemNormalizer _normalizer = new(new ContentSanitizer());

    [Fact]
    public void Turns_nfd_text_into_nfc()
    {
        var nfd = "Hà Nội công bố lộ trình".Normalize(NormalizationForm.FormD);

        var item = NormalizeOne(new ParsedItem
        {
            Title = nfd,
            SummaryHtml = $"<p>{nfd}</p>",
            Categories = [nfd],
            Authors = [new FeedAuthor("Phương Anh".Normalize(NormalizationForm.FormD))],
            Link = "https://news.example.com/a",
        });

        Assert.Equal("Hà Nội công bố lộ trình", item.Title);
        Assert.True(item.Title.IsNormalized(NormalizationForm.FormC));
        Assert.Equal("<p>Hà Nội công bố lộ trình</p>", item.Summary);
        Assert.Equal(["Hà Nội công bố lộ trình"], item.Categories);
        Assert.Equal("Phương Anh", item.Authors[0].Name);
    }

    [Fact]
    public void Makes_titles_plain_text()
    {
        var item = NormalizeOne(new ParsedItem { Title = "  <b>Fish</b> &amp; <i>chips</i>\n\t today&nbsp;only ", Link = "https://news.example.com/a" });

        Assert.Equal("Fish & chips today only", item.Title);
    }

    [Fact]
    public void Removes_scripts_handlers_javascript_urls_iframes_and_forms()
    {
        var item = NormalizeOne(new ParsedItem
        {
            Title = "t",
            Link = "https://news.example.com/a",
            SummaryHtml = """<p onclick="x()">Hi</p><script>evil()</script><a href="javascript:alert(1)">j</a><iframe src="https://ads.example/"></iframe><form><input></form><img src="x.png" onerror="y()">""",
        });

        Assert.DoesNotContain("script", item.Summary, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", item.Summary, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", item.Summary, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", item.Summary, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("iframe", item.Summary, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<form", item.Summary, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<p>Hi</p>", item.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Drops_html_that_is_empty_after_sanitizing()
    {
        var item = NormalizeOne(new ParsedItem { Title = "t", Link = "https://news.example.com/a", SummaryHtml = "<script>x()</script> <p> </p>", ContentHtml = "   " });

        Assert.Null(item.Summary);
        Assert.Null(item.Content);
    }

    [Fact]
    public void Resolves_relative_links_against_the_item_base_then_the_feed()
    {
        var feed = Feed(
            new ParsedItem { Title = "a", Link = "/articles/1", BaseUrl = FeedUrl },
            new ParsedItem { Title = "b", Link = "2.html", BaseUrl = new Uri("https://blog.example.org/2026/01/") });

        var items = _normalizer.Normalize(feed, FeedUrl).Items;

        Assert.Equal("https://news.example.com/articles/1", items[0].Link!.AbsoluteUri);
        Assert.Equal("https://blog.example.org/2026/01/2.html", items[1].Link!.AbsoluteUri);
    }

    [Fact]
    public void Resolves_relative_urls_in_html_against_the_article()
    {
        var item = NormalizeOne(new ParsedItem
        {
            Title = "t",
            Link = "https://site.example.com/2026/story.html",
            BaseUrl = FeedUrl,
            ContentHtml = """<img src="img/photo.jpg"><a href="/about">about</a>""",
        });

        Assert.Contains("https://site.example.com/2026/img/photo.jpg", item.Content, StringComparison.Ordinal);
        Assert.Contains("https://site.example.com/about", item.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Canonicalizes_item_links()
    {
        var item = NormalizeOne(new ParsedItem { Title = "t", Link = "HTTPS://News.Example.com:443/a?utm_source=rss&id=1#top" });

        Assert.Equal("https://news.example.com/a?id=1", item.Link!.AbsoluteUri);
    }

    [Fact]
    public void Drops_links_that_are_not_web_addresses_with_a_warning()
    {
        var feed = _normalizer.Normalize(Feed(new ParsedItem { Title = "t", Id = "1", Link = "javascript:alert(1)" }), FeedUrl);

        Assert.Null(feed.Items[0].Link);
        Assert.Contains(feed.Warnings, w => w.Contains("javascript:alert(1)", StringComparison.Ordinal));
    }

    [Fact]
    public void Falls_back_to_an_excerpt_when_the_title_is_empty()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 60));

        var item = NormalizeOne(new ParsedItem { Title = " ", SummaryHtml = $"<p>{text}</p>", Link = "https://news.example.com/a" });

        Assert.EndsWith("…", item.Title, StringComparison.Ordinal);
        Assert.True(item.Title.Length <= 101);
    }

    [Fact]
    public void Falls_back_to_the_link_when_there_is_no_title_or_text()
    {
        var item = NormalizeOne(new ParsedItem { Link = "https://news.example.com/a" });

        Assert.Equal("https://news.example.com/a", item.Title);
    }

    [Fact]
    public void Trims_dedupes_and_drops_empty_categories()
    {
        var item = NormalizeOne(new ParsedItem { Title = "t", Link = "https://news.example.com/a", Categories = [" Thời sự ", "", "thời sự", "Giao thông", "  "] });

        Assert.Equal(["Thời sự", "Giao thông"], item.Categories);
    }

    [Fact]
    public void Keeps_the_first_of_items_with_the_same_key_and_warns()
    {
        var feed = _normalizer.Normalize(
            Feed(new ParsedItem { Id = "g1", Title = "first" }, new ParsedItem { Id = "g1", Title = "second" }),
            FeedUrl);

        Assert.Equal("first", Assert.Single(feed.Items).Title);
        Assert.Contains(feed.Warnings, w => w.Contains("duplicate", StringComparison.Ordinal));
    }

    [Fact]
    public void Makes_enclosure_urls_absolute()
    {
        var item = NormalizeOne(new ParsedItem
        {
            Title = "t",
            Link = "https://pod.example.com/ep/1",
            Enclosures = [new ParsedEnclosure("/audio/1.mp3", "audio/mpeg", 1234)],
        });

        Assert.Equal(new FeedEnclosure(new Uri("https://pod.example.com/audio/1.mp3"), "audio/mpeg", 1234), Assert.Single(item.Enclosures));
    }

    [Fact]
    public void Keeps_parser_warnings_first()
    {
        var feed = new ParsedFeed(FeedFormat.Rss20, "t", null, null, null, null, [], ["from the parser"]);

        Assert.Equal(["from the parser"], _normalizer.Normalize(feed, FeedUrl).Warnings);
    }

    [Fact]
    public void Gives_different_keys_and_hashes_to_different_items()
    {
        var feed = _normalizer.Normalize(
            Feed(new ParsedItem { Title = "a", Link = "https://news.example.com/a" }, new ParsedItem { Title = "b", Link = "https://news.example.com/b" }),
            FeedUrl);

        Assert.NotEqual(feed.Items[0].Key, feed.Items[1].Key);
        Assert.NotEqual(feed.Items[0].ContentHash, feed.Items[1].ContentHash);
    }

    [Fact]
    public void Hashes_an_item_as_the_fingerprint_of_the_finished_item_does()
    {
        var item = NormalizeOne(new ParsedItem
        {
            Title = "Giá vàng",
            Link = "https://news.example.com/a",
            SummaryHtml = "<p>Tóm tắt</p>",
            ContentHtml = "<p>Nội dung</p>",
            Authors = [new FeedAuthor("Minh Anh", "ma@example.com", new Uri("https://news.example.com/ma"))],
            Categories = ["Kinh tế", "Vàng"],
            Enclosures = [new ParsedEnclosure("https://cdn.example.com/a.jpg", "image/jpeg", 10)],
            Published = new DateTimeOffset(2026, 1, 19, 13, 35, 0, TimeSpan.FromHours(7)),
            Updated = new DateTimeOffset(2026, 1, 19, 14, 0, 0, TimeSpan.FromHours(7)),
        });

        // Built once with its hash from the parts; the hash must be the one the finished item gives (ItemStore compares them).
        Assert.Equal(ItemFingerprint.ContentHash(item), item.ContentHash);
        Assert.NotEqual(item.ContentHash, ItemFingerprint.ContentHash(item with { Categories = ["Kinh tế"] }));
    }

    [Fact]
    public void Gives_the_same_result_when_one_instance_serves_many_threads()
    {
        var feed = Feed([.. Enumerable.Range(0, 20).Select(i => new ParsedItem { Title = $"<b>{i}</b>", Link = $"/a/{i}", SummaryHtml = $"<p onclick='x()'>{i}</p><script>y()</script>" })]);
        var expected = _normalizer.Normalize(feed, FeedUrl).Items.Select(i => i.ContentHash).ToList();

        Parallel.For(0, 64, _ => Assert.Equal(expected, _normalizer.Normalize(feed, FeedUrl).Items.Select(i => i.ContentHash)));
    }

    private NormalizedItem NormalizeOne(ParsedItem item) => Assert.Single(_normalizer.Normalize(Feed(item), FeedUrl).Items);

    private static ParsedFeed Feed(params ParsedItem[] items) =>
        new(FeedFormat.Rss20, "Feed", "https://news.example.com/", null, null, null, items, []);
}
