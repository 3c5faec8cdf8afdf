using System.Text;
using FeedHub.Parsing;
using Xunit;

namespace FeedHub.Tests.Parsing;

public sealed class FeedFormatDetectorTests
{
    [Theory]
    [InlineData("<rss version=\"2.0\"><channel/></rss>", "rss20")]
    [InlineData("<?xml version=\"1.0\"?>\n<rss version=\"2.01\"><channel/></rss>", "rss20")]
    [InlineData("<rss><channel/></rss>", "rss20")]
    [InlineData("<rss version=\"0.91\"><channel/></rss>", "rss09x")]
    [InlineData("<rss version=\"0.92\"><channel/></rss>", "rss09x")]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", "atom10")]
    [InlineData("<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"/>", "atom03")]
    [InlineData("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\"/>", "rss10")]
    [InlineData("  \r\n {\"version\": \"https://jsonfeed.org/version/1.1\"}", "jsonfeed")]
    [InlineData("<!DOCTYPE html><html><head></head></html>", "html")]
    [InlineData("<!doctype HTML>\n<html>", "html")]
    [InlineData("<html><body><p>unclosed", "html")]
    [InlineData("<!-- generated --><html><body><br></body></html>", "html")]
    [InlineData("<feed/>", "atom10")]
    [InlineData("<opml version=\"2.0\"/>", "unknown")]
    [InlineData("not xml at all", "unknown")]
    [InlineData("", "unknown")]
    public void Detects_the_format_from_content(string document, string expected) =>
        Assert.Equal(expected, FeedFormatDetector.Detect(Encoding.UTF8.GetBytes(document)).ToContractName());

    [Fact]
    public void Skips_a_utf8_byte_order_mark() =>
        Assert.Equal(FeedFormat.JsonFeed, FeedFormatDetector.Detect([0xEF, 0xBB, 0xBF, .. "{}"u8]));

    [Fact]
    public void Reads_utf16_documents() =>
        Assert.Equal(FeedFormat.Atom10, FeedFormatDetector.Detect(Encoding.Unicode.GetPreamble().Concat(
            Encoding.Unicode.GetBytes("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>")).ToArray()));

    [Theory]
    [InlineData("<!DOCTYPE html><html>", true)]
    [InlineData("\r\n  <HTML lang=\"vi\">", true)]
    [InlineData("<html>", true)]
    [InlineData("<?xml version=\"1.0\"?><rss/>", false)]
    [InlineData("<rss version=\"2.0\"/>", false)]
    [InlineData("<!-- a comment --><rss/>", false)]
    [InlineData("<!DOCTYPE rss><rss/>", false)]
    [InlineData("<h1>not a page's start</h1>", false)]
    [InlineData("{\"version\": \"1.1\"}", false)]
    public void Tells_an_html_page_from_a_feed_by_its_first_bytes(string document, bool expected)
    {
        Assert.Equal(expected, FeedFormatDetector.LooksLikeHtml(Encoding.UTF8.GetBytes(document)));
        Assert.Equal(expected, FeedFormatDetector.LooksLikeHtml([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(document)]));
        Assert.Equal(expected, FeedFormatDetector.LooksLikeHtml([.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(document)]));
    }

    [Fact]
    public void Does_not_resolve_external_entities()
    {
        var document = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><rss version=\"2.0\"><channel><title>&xxe;</title></channel></rss>";

        Assert.Equal(FeedFormat.Rss20, FeedFormatDetector.Detect(Encoding.UTF8.GetBytes(document)));
    }
}
