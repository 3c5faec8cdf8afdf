using System.Text;
using FeedHub.Extracting;
using FeedHub.Normalizing;
using Xunit;

namespace FeedHub.Tests.Extracting;

public sealed class ArticleExtractorTests
{
    private static readonly Uri PageUrl = new("https://news.example.vn/thoi-su/bai-viet-123.html");

    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    private const string Story = """
        <html lang="vi"><head><title>Giá điện tăng từ tháng sau</title></head><body>
        <div class="menu"><a href="/">Trang chủ</a> <a href="/the-gioi">Thế giới</a></div>
        <div id="story"><h1>Giá điện tăng từ tháng sau</h1>
        <div class="lead-in"><p>Bộ Công Thương vừa quyết định điều chỉnh giá bán lẻ điện bình quân thêm 4,8%, áp dụng từ ngày đầu tháng.</p></div>
        <div class="body-text"><p>Theo Tập đoàn Điện lực, mức tăng này giúp bù đắp một phần chi phí mua điện, trong bối cảnh giá nhiên liệu đầu vào vẫn ở mức cao.</p>
        <div class="ad-slot"><p>Quảng cáo: mua máy lạnh tiết kiệm điện giảm ngay 30%, chỉ trong tuần này tại mọi cửa hàng.</p></div>
        <p>Các hộ dùng dưới 100 kWh mỗi tháng sẽ chỉ phải trả thêm khoảng 10.000 đồng so với trước, theo tính toán của cơ quan quản lý.</p>
        <img src="/images/dien.jpg" alt="Công tơ điện"></div></div>
        <div class="other"><h3>TIN LIÊN QUAN</h3><ul><li><a href="/a.html">Giá xăng giảm mạnh</a></li><li><a href="/b.html">Điện mặt trời mái nhà</a></li></ul></div>
        </body></html>
        """;

    private readonly ArticleExtractor _extractor = new(new ContentSanitizer());

    [Fact]
    public void Keep_rules_make_the_article_the_union_of_the_selected_nodes_in_document_order()
    {
        var rules = new ExtractionRules { Keep = [".body-text", ".lead-in"] };

        var article = _extractor.Extract(Story, PageUrl, rules, Vietnam);

        Assert.Equal(3, article.Paragraphs.Count);
        Assert.StartsWith("Bộ Công Thương", article.Paragraphs[0], StringComparison.Ordinal);
        Assert.StartsWith("Các hộ dùng", article.Paragraphs[2], StringComparison.Ordinal);
        Assert.DoesNotContain("Quảng cáo", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Trang chủ", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Remove_rules_drop_nodes_before_the_article_is_looked_for()
    {
        var rules = new ExtractionRules { Keep = ["#story"], Remove = [".lead-in", "img"] };

        var article = _extractor.Extract(Story, PageUrl, rules, Vietnam);

        Assert.DoesNotContain("Bộ Công Thương", article.Text, StringComparison.Ordinal);
        Assert.Contains("Theo Tập đoàn Điện lực", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", article.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_rules_the_related_box_and_menu_are_left_out_and_paragraphs_are_separated_by_a_blank_line()
    {
        var article = _extractor.Extract(Story, PageUrl, null, Vietnam);

        Assert.Equal("Giá điện tăng từ tháng sau", article.Title);
        Assert.Contains("4,8%, áp dụng từ ngày đầu tháng.\n\nTheo Tập đoàn", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Giá xăng giảm mạnh", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("TIN LIÊN QUAN", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Thế giới", article.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tin liên quan")]
    [InlineData("TIN LIÊN QUAN:")]
    [InlineData("Tin lien quan")]
    [InlineData("Bài viết liên quan")]
    [InlineData("Đọc nhiều nhất")]
    [InlineData("Xem thêm")]
    [InlineData("Cùng chuyên mục")]
    [InlineData("Tin mới hơn")]
    public void A_related_box_inside_the_body_is_removed_whatever_the_case_accents_or_normalization_of_its_label(string label)
    {
        foreach (var form in new[] { NormalizationForm.FormC, NormalizationForm.FormD })
        {
            var html = $"""
                <div class="content"><p>Đoạn đầu của bài viết kể lại diễn biến chính của sự việc, với đủ chi tiết để đọc.</p>
                <div class="box"><strong>{label}</strong><ul><li><a href="/x.html">Một bài khác hẳn về chuyện khác</a></li></ul></div>
                <p>Đoạn cuối của bài viết nêu ý kiến của các chuyên gia, cùng những việc cần làm tiếp theo.</p></div>
                """.Normalize(form);

            var article = _extractor.Extract(html, PageUrl, null, Vietnam);

            Assert.Equal(2, article.Paragraphs.Count);
            Assert.DoesNotContain("Một bài khác hẳn", article.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Resolves_lazy_images_and_links_against_the_page_url()
    {
        const string html = """
            <article><p>Một đoạn văn đủ dài để được chọn là nội dung chính của bài báo này, có dấu phẩy, và dấu chấm.</p>
            <p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="../anh/chinh.jpg" alt="Ảnh"> Chú thích ảnh với <a href="/nguon">nguồn</a> ở cuối câu văn dài này.</p></article>
            """;

        var article = _extractor.Extract(html, PageUrl, null, Vietnam);

        Assert.Contains("src=\"https://news.example.vn/anh/chinh.jpg\"", article.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://news.example.vn/nguon\"", article.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_a_zone_less_vietnamese_date_line_in_the_source_zone()
    {
        const string html = """
            <div class="meta"><span class="date">Thứ hai, 19/01/2026 - 13:35</span></div>
            <article><p>Một đoạn văn đủ dài để được chọn là nội dung chính của bài báo này, có dấu phẩy, và dấu chấm.</p></article>
            """;

        var article = _extractor.Extract(html, PageUrl, null, Vietnam);

        Assert.Equal(new DateTimeOffset(2026, 1, 19, 6, 35, 0, TimeSpan.Zero), article.Published);
    }

    [Fact]
    public void Prefers_the_published_time_meta_and_json_ld_author()
    {
        const string html = """
            <html lang="vi"><head><meta property="article:published_time" content="2026-01-19T13:35:00+07:00">
            <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"Tiêu đề","author":[{"@type":"Person","name":"Lan Anh"}]}]}</script></head>
            <body><article><p>Một đoạn văn đủ dài để được chọn là nội dung chính của bài báo này, có dấu phẩy, và dấu chấm.</p></article></body></html>
            """;

        var article = _extractor.Extract(html, PageUrl, null, TimeZoneInfo.Utc);

        Assert.Equal("Tiêu đề", article.Title);
        Assert.Equal("Lan Anh", article.Author);
        Assert.Equal(TimeSpan.Zero, article.Published!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2026, 1, 19, 6, 35, 0, TimeSpan.Zero), article.Published);
        Assert.Equal("vi", article.Language);
    }
}
