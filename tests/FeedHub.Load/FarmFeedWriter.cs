using System.Globalization;
using System.Text;

namespace FeedHub.Load;

/// <summary>RSS 2.0 in the shape of a Vietnamese news site's feed: titles, a summary paragraph, a category, a link per item (text from <see cref="FarmStories"/>).</summary>
internal static class FarmFeedWriter
{
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
            var story = FarmStories.Of(plan.Feeds, feed, sequence);
            var category = Categories[(feed + (sequence * 5)) % Categories.Length];
            xml.Append("<item>")
                .Append(CultureInfo.InvariantCulture, $"<title>{story.Title}</title>")
                .Append(CultureInfo.InvariantCulture, $"<link>{baseUrl}/item/{feed}/{sequence}</link>")
                .Append(CultureInfo.InvariantCulture, $"<guid isPermaLink=\"false\">farm-{feed}-{sequence}</guid>")
                .Append(CultureInfo.InvariantCulture, $"<pubDate>{Rfc1123(published)}</pubDate>")
                .Append(CultureInfo.InvariantCulture, $"<category>{category}</category>")
                .Append(CultureInfo.InvariantCulture, $"<description><![CDATA[<p>{story.Lead}</p>]]></description>")
                .Append("</item>");
        }

        xml.Append("</channel></rss>");
        return xml.ToString();
    }

    public static string Rfc1123(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToString("R", CultureInfo.InvariantCulture);
}
