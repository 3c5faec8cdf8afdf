using System.Text;
using FeedHub.Extracting;
using Xunit;

namespace FeedHub.Tests.Extracting;

public sealed class HtmlPageDecoderTests
{
    /// <summary>"Tiếng Việt" as windows-1258 writes it: ê precomposed, the tones as combining marks (0xEC acute, 0xF2 dot below).</summary>
    private static readonly byte[] TiengViet1258 = [.. "Ti"u8, 0xEA, 0xEC, .. "ng Vi"u8, 0xEA, 0xF2, (byte)'t'];

    [Fact]
    public void A_byte_order_mark_wins_over_the_http_charset()
    {
        var page = HtmlPageDecoder.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("<p>Tiếng Việt</p>")], "text/html; charset=windows-1258");

        Assert.Equal("bom", page.Source);
        Assert.Equal("<p>Tiếng Việt</p>", page.Html);
    }

    [Fact]
    public void The_http_charset_wins_over_the_meta_charset()
    {
        byte[] body = [.. "<html><head><meta charset=\"iso-8859-1\"></head><body><p>"u8, .. TiengViet1258, .. "</p></body></html>"u8];

        var page = HtmlPageDecoder.Decode(body, "text/html; charset=windows-1258");

        Assert.Equal("http", page.Source);
        Assert.Contains("<p>Tiếng Việt</p>", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_meta_http_equiv_charset_is_used_when_http_names_none()
    {
        byte[] body = [.. "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\"><p>"u8, .. TiengViet1258, .. "</p>"u8];

        var page = HtmlPageDecoder.Decode(body, "text/html");

        Assert.Equal("meta", page.Source);
        Assert.Equal(1258, page.Encoding.CodePage);
        Assert.EndsWith("<p>Tiếng Việt</p>", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_1258_combining_tone_marks_come_out_precomposed_in_nfc()
    {
        var page = HtmlPageDecoder.Decode(TiengViet1258, "text/html; charset=windows-1258");

        Assert.Equal("Tiếng Việt", page.Html);
        Assert.Equal(10, page.Html.Length);
        Assert.True(page.Html.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Nfd_utf8_comes_out_in_nfc()
    {
        var nfd = "<p>Người Lao Động</p>".Normalize(NormalizationForm.FormD);

        var page = HtmlPageDecoder.Decode(Encoding.UTF8.GetBytes(nfd), null);

        Assert.Equal("utf-8", page.Source);
        Assert.Equal("<p>Người Lao Động</p>", page.Html);
    }

    [Fact]
    public void Undeclared_legacy_bytes_of_a_vietnamese_page_are_read_as_windows_1258()
    {
        byte[] body = [.. "<html lang=\"vi\"><p>"u8, .. TiengViet1258, .. "</p>"u8];

        var page = HtmlPageDecoder.Decode(body, null);

        Assert.Equal("guess", page.Source);
        Assert.Contains("Tiếng Việt", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Undeclared_legacy_bytes_without_vietnamese_clues_are_read_as_windows_1252()
    {
        var page = HtmlPageDecoder.Decode([.. "<p>caf"u8, 0xE9, .. " cr"u8, 0xE8, .. "me</p>"u8], null);

        Assert.Equal(1252, page.Encoding.CodePage);
        Assert.Equal("<p>café crème</p>", page.Html);
    }

    [Fact]
    public void A_utf8_label_on_bytes_that_are_not_utf8_gives_way_to_the_next_clue()
    {
        byte[] body = [.. "<meta charset=\"windows-1258\"><p>"u8, .. TiengViet1258, .. "</p>"u8];

        var page = HtmlPageDecoder.Decode(body, "text/html; charset=utf-8");

        Assert.Equal("meta", page.Source);
        Assert.EndsWith("<p>Tiếng Việt</p>", page.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vtv-windows-1258-http-charset-only", "http")]
    [InlineData("laodong-windows-1258-meta", "meta")]
    [InlineData("vietnamplus-utf8-bom", "bom")]
    [InlineData("nld-nfd-utf8", "http")]
    public void Decodes_the_fixture_by_the_expected_clue(string name, string source)
    {
        var fixture = ExtractionCorpus.Load(ExtractionCorpus.Directory).Single(f => f.Name == name);

        var page = HtmlPageDecoder.Decode(fixture.Body, fixture.ContentType);

        Assert.Equal(source, page.Source);
        Assert.Contains(fixture.Title, page.Html, StringComparison.Ordinal);
        Assert.True(page.Html.IsNormalized(NormalizationForm.FormC));
    }
}
