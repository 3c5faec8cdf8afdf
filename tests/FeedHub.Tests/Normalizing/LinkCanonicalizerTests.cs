using FeedHub.Normalizing;
using Xunit;

namespace FeedHub.Tests.Normalizing;

public sealed class LinkCanonicalizerTests
{
    [Theory]
    [InlineData("HTTPS://WWW.Example.COM/Path/To", "https://www.example.com/Path/To")]
    [InlineData("https://example.com:443/a", "https://example.com/a")]
    [InlineData("http://example.com:80/a", "http://example.com/a")]
    [InlineData("http://example.com:8080/a", "http://example.com:8080/a")]
    [InlineData("https://example.com/a#comments", "https://example.com/a")]
    [InlineData("https://example.com", "https://example.com/")]
    [InlineData("https://example.com/a?utm_source=rss&utm_medium=feed", "https://example.com/a")]
    [InlineData("https://example.com/a?UTM_Source=rss&id=7", "https://example.com/a?id=7")]
    [InlineData("https://example.com/a?b=2&fbclid=x&a=1&gclid=y", "https://example.com/a?b=2&a=1")]
    [InlineData("https://example.com/a?dclid=1&msclkid=2&mc_cid=3&mc_eid=4&yclid=5&_ga=6&igshid=7&ref_src=8&keep=9", "https://example.com/a?keep=9")]
    [InlineData("https://example.com/search?q=a%20b&page=2", "https://example.com/search?q=a%20b&page=2")]
    [InlineData("https://example.com/a?", "https://example.com/a")]
    [InlineData("https://example.com/a?flag&utm_term=x", "https://example.com/a?flag")]
    public void Canonicalizes_web_links(string input, string expected) =>
        Assert.Equal(expected, LinkCanonicalizer.Canonicalize(new Uri(input)).AbsoluteUri);

    [Fact]
    public void Leaves_other_schemes_alone()
    {
        var mail = new Uri("mailto:news@example.com?subject=Hi");

        Assert.Same(mail, LinkCanonicalizer.Canonicalize(mail));
    }

    [Fact]
    public void Is_idempotent()
    {
        var once = LinkCanonicalizer.Canonicalize(new Uri("HTTPS://Example.com:443/a?x=1&utm_source=y#f"));

        Assert.Equal(once, LinkCanonicalizer.Canonicalize(once));
    }
}
