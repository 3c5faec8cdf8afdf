using System.Globalization;
using System.Text;

namespace FeedHub.Load;

/// <summary>RSS 2.0 in the shape of a Vietnamese news site's feed: titles, a summary paragraph, a category, a link per item.</summary>
internal static class FarmFeedWriter
{
    private static readonly string[] Subjects =
    [
        "Hà Nội", "TP.HCM", "Đà Nẵng", "Quốc hội", "Chính phủ", "Ngân hàng Nhà nước", "Bộ Y tế", "Bộ Giáo dục",
        "Cần Thơ", "Hải Phòng", "Nghệ An", "Thanh Hóa", "Khánh Hòa", "Lâm Đồng", "Quảng Ninh", "Bình Dương",
    ];

    private static readonly string[] Events =
    [
        "khởi công dự án đường vành đai", "công bố kế hoạch điều chỉnh giá điện", "tăng cường kiểm tra an toàn thực phẩm",
        "đề xuất sửa đổi luật đất đai", "ghi nhận mưa lớn kéo dài nhiều ngày", "mở rộng chương trình học bổng cho sinh viên",
        "giảm lãi suất cho vay mua nhà", "triển khai tiêm chủng mở rộng", "thu hút vốn đầu tư nước ngoài kỷ lục",
        "đón lượng khách du lịch tăng mạnh", "thí điểm xe buýt điện", "xử lý vi phạm trật tự đô thị",
    ];

    private static readonly string[] Categories = ["Thời sự", "Kinh doanh", "Xã hội", "Giáo dục", "Sức khỏe", "Du lịch", "Pháp luật", "Thế giới"];

    public static string Write(FarmPlan plan, string baseUrl, int feed, int generation)
    {
        var count = plan.ItemCount(generation);
        var newest = plan.GenerationStartMs(feed, generation);
        var xml = new StringBuilder(16 * 1024);
        xml.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>")
            .Append(CultureInfo.InvariantCulture, $"<title>Báo Tin Tức Số {feed}</title><link>{baseUrl}/site/{feed}/</link>")
            .Append("<description>Tin tức mới nhất trong ngày</description><language>vi</language>")
            .Append(CultureInfo.InvariantCulture, $"<lastBuildDate>{Rfc1123(newest)}</lastBuildDate>");
        for (var sequence = count - 1; sequence >= Math.Max(0, count - plan.Window); sequence--)
        {
            var itemGeneration = plan.GenerationOf(sequence);
            var published = itemGeneration == 0 ? plan.StartUnixMs - ((plan.InitialItems - sequence) * 3_600_000L) : plan.GenerationStartMs(feed, itemGeneration);
            var subject = Subjects[(feed + sequence) % Subjects.Length];
            var happening = Events[((feed * 7) + (sequence * 3)) % Events.Length];
            var category = Categories[(feed + (sequence * 5)) % Categories.Length];
            xml.Append("<item>")
                .Append(CultureInfo.InvariantCulture, $"<title>{subject} {happening} (bản tin {feed}-{sequence})</title>")
                .Append(CultureInfo.InvariantCulture, $"<link>{baseUrl}/item/{feed}/{sequence}</link>")
                .Append(CultureInfo.InvariantCulture, $"<guid isPermaLink=\"false\">farm-{feed}-{sequence}</guid>")
                .Append(CultureInfo.InvariantCulture, $"<pubDate>{Rfc1123(published)}</pubDate>")
                .Append(CultureInfo.InvariantCulture, $"<category>{category}</category>")
                .Append(CultureInfo.InvariantCulture, $"<description><![CDATA[<p>Sáng nay, {subject} {happening}. Theo thông tin từ cơ quan chức năng, ")
                .Append("kế hoạch sẽ được triển khai trong quý tới với sự tham gia của nhiều sở, ngành và người dân địa phương. ")
                .Append(CultureInfo.InvariantCulture, $"Đây là bản tin số {sequence} của chuyên trang {feed}.</p>]]></description>")
                .Append("</item>");
        }

        xml.Append("</channel></rss>");
        return xml.ToString();
    }

    public static string Rfc1123(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToString("R", CultureInfo.InvariantCulture);
}
