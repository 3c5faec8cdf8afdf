using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FeedHub.Benchmarks.Corpus;

/// <summary>
/// Writes a realistic benchmark corpus: Vietnamese news feeds, 70% RSS 2.0, 20% Atom 1.0, 5% RSS 1.0 and 5%
/// JSON Feed, with HTML summaries in CDATA, images, categories, authors, enclosures and every date form the
/// parser reads. The manifest records each item's true instant so a run can check every date.
/// </summary>
internal static class CorpusGenerator
{
    public const int DefaultFeeds = 2000;
    public const string ManifestName = "manifest.json";

    private static readonly string[] Words =
    [
        "Hà Nội", "thành phố", "người dân", "giao thông", "kinh tế", "tăng trưởng", "giá vàng", "thị trường", "chứng khoán",
        "doanh nghiệp", "xuất khẩu", "nông sản", "mùa mưa", "bão số 3", "miền Trung", "học sinh", "kỳ thi", "tốt nghiệp",
        "bệnh viện", "bác sĩ", "sức khỏe", "đội tuyển", "bóng đá", "vô địch", "Đông Nam Á", "công nghệ", "trí tuệ nhân tạo",
        "điện thoại", "ngân hàng", "lãi suất", "bất động sản", "du lịch", "Tết Nguyên đán", "chợ hoa", "văn hóa", "nghệ thuật",
        "Quốc hội", "Chính phủ", "chính sách", "đầu tư", "hạ tầng", "cao tốc", "sân bay", "môi trường", "năng lượng", "điện mặt trời",
    ];

    private static readonly string[] Categories = ["Thời sự", "Kinh doanh", "Thể thao", "Giải trí", "Sức khỏe", "Giáo dục", "Số hóa", "Du lịch", "Pháp luật", "Thế giới"];

    private static readonly string[] Authors = ["Phương Anh", "Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Đỗ Hùng", "Hoàng Yến", "Vũ Quang Huy"];

    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public static int Write(string directory, int feeds)
    {
        Directory.CreateDirectory(directory);
        var random = new Random(20260119);
        var manifest = new List<ManifestEntry>(feeds);
        long bytes = 0;
        for (var f = 0; f < feeds; f++)
        {
            var share = f % 20;
            var (format, extension) = share switch
            {
                < 14 => ("rss20", "xml"),
                < 18 => ("atom10", "xml"),
                18 => ("rss10", "xml"),
                _ => ("jsonfeed", "json"),
            };
            var name = string.Create(CultureInfo.InvariantCulture, $"{f:D4}-{format}.{extension}");
            var dates = new Dictionary<string, string>();
            var document = format switch
            {
                "rss20" => Rss(f, random, dates),
                "atom10" => Atom(f, random, dates),
                "rss10" => Rdf(f, random, dates),
                _ => Json(f, random, dates),
            };
            var body = Encoding.UTF8.GetBytes(document);
            bytes += body.Length;
            File.WriteAllBytes(Path.Combine(directory, name), body);
            manifest.Add(new ManifestEntry(name, format, "Asia/Ho_Chi_Minh", dates));
        }

        File.WriteAllText(Path.Combine(directory, ManifestName), JsonSerializer.Serialize(manifest));
        Console.WriteLine($"wrote {feeds} feeds, {bytes / 1e6:0.0} MB, to {directory}");
        return 0;
    }

    /// <summary>How a feed writes its dates; chosen per feed, as real sites do.</summary>
    private enum DateStyle
    {
        Rfc822Offset,
        Rfc822Gmt,
        Rfc822Variant,
        Iso,
        VietnameseTimeBarDate,
        VietnameseWeekday,
        VietnameseDateTime,
        Unix,
    }

    private static DateStyle StyleFor(int feed) => (feed % 40) switch
    {
        < 18 => DateStyle.Rfc822Offset,
        < 24 => DateStyle.Rfc822Gmt,
        < 28 => DateStyle.Rfc822Variant,
        < 30 => DateStyle.Iso,
        < 33 => DateStyle.VietnameseTimeBarDate,
        < 36 => DateStyle.VietnameseWeekday,
        < 39 => DateStyle.VietnameseDateTime,
        _ => DateStyle.Unix,
    };

    private static string Date(DateTimeOffset utc, DateStyle style, int item)
    {
        var local = utc.ToOffset(Vietnam);
        var ci = CultureInfo.InvariantCulture;
        return style switch
        {
            DateStyle.Rfc822Offset => local.ToString("ddd, dd MMM yyyy HH:mm:ss ", ci) + "+0700",
            DateStyle.Rfc822Gmt => utc.ToString("ddd, dd MMM yyyy HH:mm:ss ", ci) + "GMT",
            DateStyle.Rfc822Variant => (item % 4) switch
            {
                0 => local.ToString("d MMM yyyy HH:mm:ss ", ci) + "GMT+7",
                1 => local.ToString("ddd, d MMM yy HH:mm:ss ", ci) + "ICT",
                2 => utc.ToString("ddd, dd MMM yyyy HH:mm:ss", ci).ToUpperInvariant() + " UT",
                _ => local.ToString("ddd, dd MMM yyyy HH:mm:ss ", ci) + "UTC+07:00",
            },
            DateStyle.Iso => item % 2 == 0 ? local.ToString("yyyy-MM-dd'T'HH:mm:ss", ci) + "+07:00" : utc.ToString("yyyy-MM-dd HH:mm:ss", ci) + "Z",
            DateStyle.VietnameseTimeBarDate => local.ToString("HH:mm | dd/MM/yyyy", ci),
            DateStyle.VietnameseWeekday => Weekday(local) + local.ToString(", dd/MM/yyyy - HH:mm", ci) + (item % 2 == 0 ? " (GMT+7)" : string.Empty),
            DateStyle.VietnameseDateTime => local.ToString(item % 2 == 0 ? "dd/MM/yyyy HH:mm:ss" : "HH:mm dd/MM/yyyy", ci),
            _ => utc.ToUnixTimeSeconds().ToString(ci),
        };
    }

    private static string Weekday(DateTimeOffset local) => local.DayOfWeek switch
    {
        DayOfWeek.Sunday => "Chủ nhật",
        DayOfWeek.Monday => "Thứ hai",
        DayOfWeek.Tuesday => "Thứ ba",
        DayOfWeek.Wednesday => "Thứ tư",
        DayOfWeek.Thursday => "Thứ năm",
        DayOfWeek.Friday => "Thứ sáu",
        _ => "Thứ bảy",
    };

    private static DateTimeOffset Instant(Random random)
    {
        // Whole seconds (every form can carry them) in the month before the measurement's fixed fetch time, and
        // whole minutes for the forms without seconds: rounding is done per style below.
        var start = new DateTimeOffset(2025, 12, 20, 0, 0, 0, TimeSpan.Zero);
        return start.AddSeconds(random.Next(0, 30 * 24 * 3600));
    }

    private static DateTimeOffset Round(DateTimeOffset instant, DateStyle style, int item) =>
        style is DateStyle.VietnameseTimeBarDate or DateStyle.VietnameseWeekday || (style == DateStyle.VietnameseDateTime && item % 2 == 1)
            ? instant.AddSeconds(-instant.Second)
            : instant;

    private static string Sentence(Random random, int words)
    {
        var text = new StringBuilder();
        for (var w = 0; w < words; w++)
        {
            text.Append(w == 0 ? string.Empty : " ").Append(Words[random.Next(Words.Length)]);
        }

        return text.Append('.').ToString();
    }

    private static string SummaryHtml(Random random, int feed, int item)
    {
        var link = $"https://bao{feed}.example.vn/tin-{item}.html";
        var image = $"https://i{feed % 7}.cdn.example.vn/2026/01/{item}.jpg";
        var text = Sentence(random, 30 + random.Next(40));
        return (item % 10) switch
        {
            // Most outlets: an image link then the lead, all inside the allowlist.
            < 7 => $"<a href=\"{link}\"><img src=\"{image}\" width=\"240\" height=\"160\" alt=\"{Sentence(random, 4)}\"></a><br>{text}",
            7 => $"<p>{text}</p><p>{Sentence(random, 20)} &amp; {Sentence(random, 10)}&nbsp;</p>",
            8 => $"<div class=\"lead\"><img src=\"{image}\" style=\"width:100%\">{text}</div>",
            _ => $"<p>{text}</p><img src=\"https://track.example.com/p.gif?i={item}\" width=\"1\" height=\"1\">",
        };
    }

    private static string ContentHtml(Random random, int feed, int item) =>
        $"<p>{Sentence(random, 60)}</p><figure><img src=\"/anh/{feed}-{item}-2.jpg\" alt=\"ảnh\" width=\"800\" height=\"533\"><figcaption>{Sentence(random, 8)}</figcaption></figure>"
        + $"<p>{Sentence(random, 80)}</p><blockquote><p>{Sentence(random, 25)}</p></blockquote><p>{Sentence(random, 70)}</p>";

    private static string Rss(int feed, Random random, Dictionary<string, string> dates)
    {
        var style = StyleFor(feed);
        var xml = new StringBuilder(40_000);
        xml.Append(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">
            <channel>
            <title>Tin mới nhất - Báo số {feed}</title>
            <link>https://bao{feed}.example.vn/</link>
            <description>Tin tức mới nhất trong ngày của Báo số {feed}</description>
            <language>vi</language>
            <atom:link href="https://bao{feed}.example.vn/rss" rel="self" type="application/rss+xml"/>
            <lastBuildDate>{Date(new DateTimeOffset(2026, 1, 19, 6, 0, 0, TimeSpan.Zero), style, 0)}</lastBuildDate>

            """);
        var items = 13 + random.Next(6);
        for (var i = 0; i < items; i++)
        {
            var guid = $"https://bao{feed}.example.vn/tin-{i}.html";
            var instant = Round(Instant(random), style, i);
            dates[guid] = instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            var dateElement = i % 5 == 4 ? $"<dc:date>{Date(instant, style, i)}</dc:date>" : $"<pubDate>{Date(instant, style, i)}</pubDate>";
            xml.Append(CultureInfo.InvariantCulture, $"""
                <item>
                <title>{Sentence(random, 8 + random.Next(6))}</title>
                <link>{guid}?utm_source=rss&amp;utm_medium=feed</link>
                <guid isPermaLink="true">{guid}</guid>
                <description><![CDATA[{SummaryHtml(random, feed, i)}]]></description>
                {dateElement}
                <category>{Categories[random.Next(Categories.Length)]}</category>
                <dc:creator>{Authors[random.Next(Authors.Length)]}</dc:creator>
                <enclosure url="https://i{feed % 7}.cdn.example.vn/2026/01/{i}.jpg" length="{20000 + random.Next(80000)}" type="image/jpeg"/>

                """);
            if (i % 4 == 0)
            {
                xml.Append("<content:encoded><![CDATA[").Append(ContentHtml(random, feed, i)).Append("]]></content:encoded>\n");
            }

            if (i % 6 == 0)
            {
                xml.Append(CultureInfo.InvariantCulture, $"<media:thumbnail url=\"https://i{feed % 7}.cdn.example.vn/thumb/{i}.jpg\" width=\"120\" height=\"80\"/>\n");
            }

            xml.Append("</item>\n");
        }

        return xml.Append("</channel>\n</rss>\n").ToString();
    }

    private static string Atom(int feed, Random random, Dictionary<string, string> dates)
    {
        var xml = new StringBuilder(40_000);
        xml.Append(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
            <title>Blog số {feed}</title>
            <subtitle>Ghi chép hằng ngày</subtitle>
            <link rel="alternate" type="text/html" href="https://blog{feed}.example.vn/"/>
            <link rel="self" href="https://blog{feed}.example.vn/atom.xml"/>
            <id>tag:blog{feed}.example.vn,2026:feed</id>
            <updated>2026-01-19T13:00:00+07:00</updated>

            """);
        var entries = 12 + random.Next(6);
        for (var i = 0; i < entries; i++)
        {
            var id = $"tag:blog{feed}.example.vn,2026:{i}";
            var instant = Instant(random);
            dates[id] = instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            var published = i % 3 == 0
                ? instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                : instant.ToOffset(Vietnam).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+07:00";
            var summary = System.Net.WebUtility.HtmlEncode(SummaryHtml(random, feed, i));
            xml.Append(CultureInfo.InvariantCulture, $"""
                <entry>
                <id>{id}</id>
                <title type="text">{Sentence(random, 8 + random.Next(6))}</title>
                <link rel="alternate" type="text/html" href="https://blog{feed}.example.vn/bai-{i}.html"/>
                <link rel="enclosure" type="image/jpeg" length="{30000 + i}" href="https://blog{feed}.example.vn/anh/{i}.jpg"/>
                <published>{published}</published>
                <updated>{published}</updated>
                <author><name>{Authors[random.Next(Authors.Length)]}</name></author>
                <category term="{Categories[random.Next(Categories.Length)]}"/>
                <summary type="html">{summary}</summary>

                """);
            if (i % 3 == 0)
            {
                xml.Append("<content type=\"html\">").Append(System.Net.WebUtility.HtmlEncode(ContentHtml(random, feed, i))).Append("</content>\n");
            }

            xml.Append("</entry>\n");
        }

        return xml.Append("</feed>\n").ToString();
    }

    private static string Rdf(int feed, Random random, Dictionary<string, string> dates)
    {
        var style = StyleFor(feed);
        var xml = new StringBuilder(40_000);
        xml.Append(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel rdf:about="https://khoahoc{feed}.example.vn/">
            <title>Khoa học số {feed}</title>
            <link>https://khoahoc{feed}.example.vn/</link>
            <description>Tin khoa học</description>
            <dc:language>vi</dc:language>
            <items><rdf:Seq><rdf:li resource="https://khoahoc{feed}.example.vn/tin/0"/></rdf:Seq></items>
            </channel>

            """);
        var items = 13 + random.Next(6);
        for (var i = 0; i < items; i++)
        {
            var about = $"https://khoahoc{feed}.example.vn/tin/{i}";
            var instant = Round(Instant(random), style, i);
            dates[about] = instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            xml.Append(CultureInfo.InvariantCulture, $"""
                <item rdf:about="{about}">
                <title>{Sentence(random, 8 + random.Next(6))}</title>
                <link>{about}</link>
                <description><![CDATA[{SummaryHtml(random, feed, i)}]]></description>
                <dc:date>{Date(instant, style, i)}</dc:date>
                <dc:creator>{Authors[random.Next(Authors.Length)]}</dc:creator>
                <dc:subject>{Categories[random.Next(Categories.Length)]}</dc:subject>
                </item>

                """);
        }

        return xml.Append("</rdf:RDF>\n").ToString();
    }

    private static string Json(int feed, Random random, Dictionary<string, string> dates)
    {
        var items = new List<object>();
        var count = 13 + random.Next(6);
        for (var i = 0; i < count; i++)
        {
            var id = $"https://ghichep{feed}.example.vn/{i}";
            var instant = Instant(random);
            dates[id] = instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            items.Add(new Dictionary<string, object>
            {
                ["id"] = id,
                ["url"] = id,
                ["title"] = Sentence(random, 8 + random.Next(6)),
                ["content_html"] = SummaryHtml(random, feed, i) + (i % 4 == 0 ? ContentHtml(random, feed, i) : string.Empty),
                ["date_published"] = instant.ToOffset(Vietnam).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+07:00",
                ["authors"] = new[] { new Dictionary<string, string> { ["name"] = Authors[random.Next(Authors.Length)] } },
                ["tags"] = new[] { Categories[random.Next(Categories.Length)] },
                ["attachments"] = new[] { new Dictionary<string, object> { ["url"] = $"https://ghichep{feed}.example.vn/a/{i}.mp3", ["mime_type"] = "audio/mpeg", ["size_in_bytes"] = 100000 + i } },
            });
        }

        var document = new Dictionary<string, object>
        {
            ["version"] = "https://jsonfeed.org/version/1.1",
            ["title"] = $"Ghi chép số {feed}",
            ["home_page_url"] = $"https://ghichep{feed}.example.vn/",
            ["language"] = "vi",
            ["items"] = items,
        };
        return JsonSerializer.Serialize(document, JsonOptions);
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

/// <summary>One corpus file: its format, the zone its zone-less dates are in, and each item's true instant by id.</summary>
internal sealed record ManifestEntry(string File, string Format, string TimeZone, Dictionary<string, string> Dates);
