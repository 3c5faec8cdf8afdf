using FeedHub.Contracts;
using FeedHub.Feeds;

namespace FeedHub.Tests.Feeds;

internal static class SampleFeeds
{
    public static readonly MergedFeedSource VnExpress = new(Guid.Parse("0b9f8c52-2e1a-4b7e-9d41-8f4a1c2b3d01"), "VnExpress", new Uri("https://vnexpress.net/rss/tin-moi-nhat.rss"), new Uri("https://vnexpress.net/"));
    public static readonly MergedFeedSource BaoChinhPhu = new(Guid.Parse("0b9f8c52-2e1a-4b7e-9d41-8f4a1c2b3d02"), "Báo Chính phủ", new Uri("https://baochinhphu.vn/rss/home.rss"), null);

    public static MergedFeed All(string titleSuffix = "") => new("all", "FeedHub: all sources", "Tin mới", new DateTimeOffset(2026, 1, 19, 7, 0, 0, TimeSpan.Zero),
    [
        new MergedFeedItem
        {
            Id = Guid.Parse("5d1b7c44-0000-4000-8000-000000000001"),
            Title = "Hà Nội công bố kế hoạch chống ngập" + titleSuffix,
            Link = new Uri("https://vnexpress.net/ha-noi-chong-ngap-1001.html"),
            Summary = "<p>Tóm tắt <b>quan trọng</b> &amp; mới</p>",
            Content = "<p>Toàn văn bài viết</p>",
            Authors = [new FeedAuthor("Minh Anh", "minhanh@example.test")],
            Categories = ["Thời sự", "Hà Nội"],
            Enclosures = [new FeedEnclosure(new Uri("https://vnexpress.net/anh.jpg"), "image/jpeg", 12345)],
            Published = new DateTimeOffset(2026, 1, 19, 6, 35, 0, TimeSpan.Zero),
            DiscoveredAt = new DateTimeOffset(2026, 1, 19, 6, 40, 0, TimeSpan.Zero),
            Source = VnExpress,
        },
        new MergedFeedItem
        {
            Id = Guid.Parse("5d1b7c44-0000-4000-8000-000000000002"),
            Title = "Thủ tướng chủ trì phiên họp\u0001 Chính phủ",
            Link = new Uri("https://baochinhphu.vn/phien-hop-1004.html"),
            DiscoveredAt = new DateTimeOffset(2026, 1, 19, 6, 50, 0, TimeSpan.Zero),
            Source = BaoChinhPhu,
        },
    ]);
}
