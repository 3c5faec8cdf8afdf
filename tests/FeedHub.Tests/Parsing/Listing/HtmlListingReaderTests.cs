using FeedHub.Parsing;
using FeedHub.Parsing.Listing;
using Xunit;
using static FeedHub.Tests.Parsing.Listing.ListingFixtures;

namespace FeedHub.Tests.Parsing.Listing;

public sealed class HtmlListingReaderTests
{
    private static readonly ListingSelectors VnExpress = new("article.item-news")
    {
        Title = "h3.title-news a",
        Summary = "p.description",
        Image = ".thumb-art img",
    };

    private static readonly ListingSelectors Windows1258 = new("td.tin")
    {
        Title = "a.tieude",
        Summary = "div.tomtat",
        Time = "span.ngay",
        DatePattern = "dd/MM/yyyy HH:mm",
    };

    [Fact]
    public void Reads_article_items_with_titles_summaries_images_and_times()
    {
        var feed = Parsed("vnexpress-item-news.html", "https://vnexpress.example.vn/thoi-su", VnExpress);

        Assert.Equal(FeedFormat.HtmlListing, feed.Format);
        Assert.Equal("html", feed.Format.ToContractName());
        Assert.Equal("Thời sự - VnExpress mẫu", feed.Title);
        Assert.Equal("https://vnexpress.example.vn/thoi-su", feed.Link);
        Assert.Equal("Tin tức thời sự trong ngày, cập nhật liên tục.", feed.Description);
        Assert.Equal("vi", feed.Language);
        Assert.Equal(
            ["Hà Nội công bố lộ trình thu phí vào nội đô", "Mưa lớn ở Trung Bộ, nhiều tuyến đường ngập sâu", "Giá xăng giảm lần thứ ba liên tiếp"],
            feed.Items.Select(i => i.Title));
        Assert.Equal("https://vnexpress.example.vn/ha-noi-cong-bo-lo-trinh-thu-phi-4950001.html", feed.Items[0].Link);
        Assert.Contains("Thành phố dự kiến thu phí ô tô vào vành đai 1", feed.Items[0].SummaryHtml, StringComparison.Ordinal);
        var image = Assert.Single(feed.Items[0].Enclosures);
        Assert.Equal(new ParsedEnclosure("https://i1-vnexpress.example.vn/2026/01/19/thu-phi-1768800000.jpg?w=680&h=408", "image/jpeg", null), image);
        Assert.Equal("image/webp", Assert.Single(feed.Items[2].Enclosures).Type);
    }

    [Fact]
    public void Reads_time_elements_in_utc_and_the_source_zone_when_they_name_none()
    {
        var feed = Parsed("vnexpress-item-news.html", "https://vnexpress.example.vn/thoi-su", VnExpress);

        Assert.Equal(Utc("2026-01-19T06:35:00Z"), feed.Items[0].Published);
        Assert.Equal(Utc("2026-01-19T04:00:00Z"), feed.Items[1].Published);
        Assert.Null(feed.Items[2].Published);
        Assert.Contains("listing times name no timezone; read as Asia/Ho_Chi_Minh", feed.Warnings);
    }

    [Fact]
    public void Skips_an_item_without_a_link_and_says_so()
    {
        var feed = Parsed("vnexpress-item-news.html", "https://vnexpress.example.vn/thoi-su", VnExpress);

        Assert.Equal(3, feed.Items.Count);
        Assert.Contains("1 item(s) without a link skipped", feed.Warnings);
    }

    [Fact]
    public void Reads_list_items_by_a_date_pattern_amid_other_text()
    {
        var feed = Parsed("ul-li-time-pattern.html", "https://baotintuc.example.vn/thoi-su.htm", new ListingSelectors("ul.list-news > li")
        {
            Title = "h3 a",
            Time = "span.time",
            Image = "img",
            DatePattern = "HH:mm | dd/MM/yyyy",
        });

        Assert.Equal(4, feed.Items.Count);
        Assert.Equal("https://baotintuc.example.vn/thoi-su/quoc-hoi-khai-mac-ky-hop-bat-thuong-20260119133500.htm", feed.Items[0].Link);
        Assert.Equal("https://baotintuc.example.vn/Images/2026/01/19/ky-hop-thumb.jpg", Assert.Single(feed.Items[0].Enclosures).Url);
        Assert.Equal(
            [Utc("2026-01-19T06:35:00Z"), Utc("2026-01-19T02:05:00Z"), Utc("2026-01-18T15:10:00Z"), null],
            feed.Items.Select(i => i.Published));
        Assert.Equal("Trực tiếp: Lễ đón các đoàn đại biểu", feed.Items[3].Title);
        Assert.Contains("time \"Đang cập nhật\" could not be read; left empty", feed.Warnings);
    }

    [Fact]
    public void Reads_relative_times_against_the_fetch_time()
    {
        var feed = Parsed("relative-times.html", "https://znews.example.vn/xa-hoi.html", new ListingSelectors("article.article-item")
        {
            Title = "p.article-title a",
            Time = "span.friendly-time",
            Summary = "p.article-summary",
        });

        Assert.Equal(
            [
                Utc("2026-01-19T06:55:00Z"), Utc("2026-01-19T05:00:00Z"), Utc("2026-01-19T07:00:00Z"), Utc("2026-01-16T07:00:00Z"),
                Utc("2026-01-18T03:20:00Z"), Utc("2026-01-12T07:00:00Z"), Utc("2026-01-19T06:59:30Z"),
            ],
            feed.Items.Select(i => i.Published));
        Assert.Equal("https://znews.example.vn/xa-hoi/giai-cuu-ngu-dan-post1600001.html", feed.Items[0].Link);
        Assert.Equal("Tàu cứu hộ đã đưa 12 ngư dân <b>an toàn</b> vào bờ sau 10 giờ tìm kiếm.", feed.Items[0].SummaryHtml);
        Assert.Null(feed.Items[2].SummaryHtml);
    }

    [Fact]
    public void Reads_clock_times_as_today_or_yesterday_when_today_is_still_to_come()
    {
        var feed = Parsed("time-only.html", "https://tuoitre.example.vn/tin-moi-nhat.htm", new ListingSelectors("ul.list-news-latest li.news-item")
        {
            Time = "span.time",
        });

        Assert.Equal(
            ["Điều chỉnh giờ làm việc dịp Tết", "Giá vàng tăng mạnh đầu tuần", "Khai mạc hội nghị APEC", "Tuyển Việt Nam thắng ngược", "Công bố lịch thi tốt nghiệp"],
            feed.Items.Select(i => i.Title));
        Assert.Equal(
            [Utc("2026-01-19T06:50:00Z"), Utc("2026-01-19T03:20:00Z"), Utc("2026-01-19T01:15:00Z"), Utc("2026-01-18T16:50:00Z"), Utc("2026-01-19T02:00:00Z")],
            feed.Items.Select(i => i.Published));
    }

    [Fact]
    public void Decodes_a_windows_1258_page_by_its_http_charset_into_nfc()
    {
        var feed = Parsed("windows-1258.html", "http://quehuong.example.vn/tin-tuc.asp", Windows1258, "text/html; charset=windows-1258");

        Assert.Equal("Tin tức - Báo Quê hương mẫu", feed.Title);
        Assert.Equal(["Đồng bằng sông Cửu Long chống hạn mặn", "Lễ hội hoa xuân ở Đà Lạt thu hút du khách"], feed.Items.Select(i => i.Title));
        Assert.True(feed.Items.All(i => i.Title!.IsNormalized(System.Text.NormalizationForm.FormC)));
        Assert.Equal("Nông dân chủ động trữ nước ngọt trước mùa khô.", feed.Items[0].SummaryHtml);
        Assert.Equal("http://quehuong.example.vn/tin-tuc/chi-tiet.asp?id=10231", feed.Items[0].Link);
        Assert.Equal([Utc("2026-01-19T06:35:00Z"), Utc("2026-01-18T00:05:00Z")], feed.Items.Select(i => i.Published));
        Assert.DoesNotContain(feed.Warnings, w => w.Contains("charset", StringComparison.Ordinal));
    }

    [Fact]
    public void Guesses_windows_1258_for_an_undeclared_vietnamese_page_that_is_not_utf8()
    {
        var feed = Parsed("windows-1258.html", "http://quehuong.example.vn/tin-tuc.asp", Windows1258);

        Assert.Equal("Đồng bằng sông Cửu Long chống hạn mặn", feed.Items[0].Title);
        Assert.Contains("no charset declared and the bytes are not UTF-8; read as windows-1258", feed.Warnings);
    }

    [Fact]
    public void Reads_a_utf8_page_as_utf8_whatever_a_stale_http_charset_says()
    {
        var feed = Parsed("vnexpress-item-news.html", "https://vnexpress.example.vn/thoi-su", VnExpress, "text/html; charset=windows-1258");

        Assert.Equal("Hà Nội công bố lộ trình thu phí vào nội đô", feed.Items[0].Title);
        Assert.Contains("charset \"windows-1258\" declared but the bytes are valid UTF-8; read as utf-8", feed.Warnings);
    }

    [Fact]
    public void Resolves_relative_links_and_keeps_the_first_of_a_repeated_link()
    {
        var feed = Parsed("relative-urls-duplicates.html", "https://dantri.example.vn/xa-hoi.htm", DanTri);

        Assert.Equal(
            [
                "https://dantri.example.vn/xa-hoi/tang-luong-toi-thieu-20260119.htm",
                "https://dantri.example.vn/xa-hoi/ha-tang-giao-thong-20260119.htm",
                "https://dantri.example.vn/xa-hoi/nuoc-sach-vung-cao-20260118.htm?utm_source=home",
            ],
            feed.Items.Select(i => i.Link));
        Assert.Equal("Tăng lương tối thiểu vùng từ tháng 7", feed.Items[0].Title);
        Assert.Equal(Utc("2026-01-19T06:35:00Z"), feed.Items[0].Published);
        Assert.Equal("https://cdnphoto.example.vn/thumb/2026/01/19/luong.jpg", Assert.Single(feed.Items[0].Enclosures).Url);
        Assert.Equal("https://dantri.example.vn/thumb/giao-thong.jpg", Assert.Single(feed.Items[1].Enclosures).Url);
        Assert.Contains("href=\"https://dantri.example.vn/bang-luong-2026.htm\"", feed.Items[0].SummaryHtml, StringComparison.Ordinal);
        Assert.Contains("1 item(s) repeating an earlier link on the page skipped; the first is kept", feed.Warnings);
        Assert.Contains("2 item(s) without a link skipped", feed.Warnings);
        Assert.Contains("1 item(s) without a title skipped", feed.Warnings);
    }

    [Fact]
    public void Returns_no_items_and_names_the_selector_when_the_layout_changed()
    {
        var feed = Parsed("vnexpress-item-news.html", "https://vnexpress.example.vn/thoi-su", VnExpress with { Item = "div.item-news-v2" });

        Assert.Empty(feed.Items);
        Assert.Contains("the item selector \"div.item-news-v2\" matched nothing; the page layout may have changed", feed.Warnings);
    }

    [Fact]
    public void Rejects_selectors_that_are_not_valid_css()
    {
        var result = Read("vnexpress-item-news.html", "https://vnexpress.example.vn/thoi-su", VnExpress with { Title = "h3.title-news a[href" });

        var rejected = Assert.IsType<FeedParseResult.Rejected>(result);
        Assert.StartsWith("the title selector \"h3.title-news a[href\" is not a valid CSS selector", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Stops_at_the_item_limit()
    {
        var feed = Parsed("relative-times.html", "https://znews.example.vn/xa-hoi.html", new ListingSelectors("article.article-item"), limits: new ParserLimits { MaxItems = 2 });

        Assert.Equal(2, feed.Items.Count);
        Assert.Contains("5 item(s) beyond the limit of 2 dropped", feed.Warnings);
    }

    [Fact]
    public void Rejects_an_empty_page()
    {
        var context = new ParseContext(new Uri("https://example.test/"), Saigon, FetchedAt);

        var result = new HtmlListingReader().Read(" \n"u8.ToArray(), null, VnExpress, context);

        Assert.Equal("empty document", Assert.IsType<FeedParseResult.Rejected>(result).Reason);
    }

    internal static readonly ListingSelectors DanTri = new("div.article-item")
    {
        Summary = ".article-excerpt",
        Image = ".article-thumb img",
        Time = ".article-time",
    };
}
