using FeedHub.Normalizing;
using Xunit;
using static FeedHub.Tests.Parsing.Listing.ListingFixtures;

namespace FeedHub.Tests.Parsing.Listing;

public sealed class ListingNormalizationTests
{
    [Fact]
    public void Normalizes_a_listing_like_any_feed()
    {
        const string PageUrl = "https://dantri.example.vn/xa-hoi.htm";
        var parsed = Parsed("relative-urls-duplicates.html", PageUrl, HtmlListingReaderTests.DanTri);

        var feed = new ItemNormalizer(new ContentSanitizer()).Normalize(parsed, new Uri(PageUrl));

        Assert.Equal("Xã hội - Dân trí mẫu", feed.Title);
        Assert.Equal(3, feed.Items.Count);
        Assert.Equal(new Uri("https://dantri.example.vn/xa-hoi/nuoc-sach-vung-cao-20260118.htm"), feed.Items[2].Link);
        Assert.Equal("Nước sạch cho vùng cao", feed.Items[2].Title);
        Assert.Equal(Utc("2026-01-19T06:35:00Z"), feed.Items[0].Published);
        Assert.Equal(TimeSpan.Zero, feed.Items[0].Published!.Value.Offset);
        Assert.Contains("https://dantri.example.vn/bang-luong-2026.htm", feed.Items[0].Summary, StringComparison.Ordinal);
        Assert.Equal(new Uri("https://cdnphoto.example.vn/thumb/2026/01/19/luong.jpg"), Assert.Single(feed.Items[0].Enclosures).Url);
        Assert.Equal(3, feed.Items.Select(i => i.Key).Distinct().Count());
        Assert.DoesNotContain(feed.Warnings, w => w.Contains("not an absolute web address", StringComparison.Ordinal));
    }
}
