using System.Globalization;
using System.Text;

namespace FeedHub.Tests.EndToEnd;

/// <summary>An RSS feed in the style of a Vietnamese outlet: NFD titles, zone-less and GMT+7 dates.</summary>
internal static class VietnameseNewsFeed
{
    public sealed record Entry(string Guid, string Title, string Path, string Date);

    public static readonly Entry[] FirstEdition =
    [
        new("vn-1001", "Hà Nội công bố kế hoạch chống ngập mùa mưa", "/thoi-su/ha-noi-chong-ngap-1001.html?utm_source=rss&utm_medium=feed", "13:35 | 19/01/2026"),
        new("vn-1002", "Giá xăng giảm lần thứ ba liên tiếp", "/kinh-doanh/gia-xang-1002.html", "Thứ hai, 19/01/2026 - 10:05"),
        new("vn-1003", "Đội tuyển Việt Nam thắng đậm ở vòng loại", "/the-thao/doi-tuyen-1003.html?fbclid=abc", "Mon, 19 Jan 2026 08:15:00 GMT+7"),
    ];

    public static readonly Entry[] SecondEdition =
    [
        FirstEdition[0] with { Title = "Hà Nội công bố kế hoạch chống ngập mùa mưa 2026" },
        FirstEdition[1],
        FirstEdition[2],
        new("vn-1004", "Thủ tướng chủ trì phiên họp Chính phủ thường kỳ", "/thoi-su/phien-hop-1004.html", "19/01/2026 15:40"),
        new("vn-1005", "Bão số 3 đổ bộ vào miền Trung", "/thoi-su/bao-so-3-1005.html", "Tue, 20 Jan 2026 01:00:00 +0700"),
    ];

    public static string Render(IEnumerable<Entry> entries)
    {
        var xml = new StringBuilder();
        xml.Append("""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0">
            <channel>
            <title>Tin mới nhất - Báo Thử Nghiệm</title>
            <link>https://news.example.test/</link>
            <description>Tin tức mới nhất</description>
            <language>vi</language>
            """);
        foreach (var entry in entries)
        {
            // Outlets send decomposed (NFD) titles; FeedHub must store them composed.
            xml.Append(CultureInfo.InvariantCulture, $"""
                <item>
                <title><![CDATA[{entry.Title.Normalize(NormalizationForm.FormD)}]]></title>
                <link>https://news.example.test{entry.Path.Replace("&", "&amp;", StringComparison.Ordinal)}</link>
                <guid isPermaLink="false">{entry.Guid}</guid>
                <description><![CDATA[<p>Tóm tắt: {entry.Title}</p><script>alert(1)</script>]]></description>
                <pubDate>{entry.Date}</pubDate>
                </item>
                """);
        }

        xml.Append("</channel></rss>");
        return xml.ToString();
    }
}
