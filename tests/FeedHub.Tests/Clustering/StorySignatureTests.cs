using System.Text;
using FeedHub.Clustering;
using Xunit;

namespace FeedHub.Tests.Clustering;

public sealed class StorySignatureTests
{
    private const string Lead = "Sáng 19/1, Thủ tướng chủ trì hội nghị về hòa giải ở cơ sở tại Đà Nẵng với 500 đại biểu.";

    [Fact]
    public void Case_unicode_form_and_old_or_new_tone_placement_do_not_change_the_story()
    {
        var nfc = StorySignature.Of("Hòa giải ở cơ sở: Đà Nẵng dẫn đầu", Lead);
        var nfdCapsNewStyle = StorySignature.Of(
            "HOÀ GIẢI Ở CƠ SỞ: ĐÀ NẴNG DẪN ĐẦU".Normalize(NormalizationForm.FormD),
            Lead.Replace("hòa", "hoà", StringComparison.Ordinal).Normalize(NormalizationForm.FormD));

        Assert.Equal(nfc.Words.Order(StringComparer.Ordinal), nfdCapsNewStyle.Words.Order(StringComparer.Ordinal));
        Assert.Equal(nfc.SketchKeys(), nfdCapsNewStyle.SketchKeys());
        Assert.True(StoryMatcher.Compare(nfc, nfdCapsNewStyle).IsSameStory);
    }

    [Theory]
    [InlineData("Sáng 20/01/2026, giá vàng tăng.", "20/1")]
    [InlineData("Ngày 20 tháng 1, giá vàng tăng.", "20/1")]
    [InlineData("Từ 20-1-2026, giá vàng tăng.", "20/1")]
    public void Dates_are_one_spelling_whatever_the_outlet_writes(string text, string date) =>
        Assert.Contains(date, StorySignature.Of("Giá vàng hôm nay tăng mạnh", text).Dates);

    [Fact]
    public void A_range_is_not_a_date_and_decimal_commas_equal_points()
    {
        var signature = StorySignature.Of("Hà Nội rét đậm", "Nhiệt độ thấp nhất 10-12 độ C, giá 84,5 triệu đồng.");
        Assert.Empty(signature.Dates);
        Assert.Contains("84.5", StorySignature.Of("Giá vàng", "Giá 84.5 triệu đồng mỗi lượng hôm nay.").Numbers);
        Assert.Contains("84.5", signature.Numbers);
    }

    [Fact]
    public void The_same_kind_of_event_in_another_province_is_another_story()
    {
        var dongNai = StorySignature.Of("Xe container tông xe máy ở Đồng Nai, 2 người chết", "Chiều 7/1, xe container tông xe máy trên quốc lộ đoạn qua tỉnh Đồng Nai, hai người tử vong tại chỗ.");
        var ngheAn = StorySignature.Of("Xe container tông xe máy ở Nghệ An, 2 người chết", "Chiều 7/1, xe container tông xe máy trên quốc lộ đoạn qua tỉnh Nghệ An, hai người tử vong tại chỗ.");

        var match = StoryMatcher.Compare(dongNai, ngheAn);

        Assert.Equal("different names", match.Conflict);
        Assert.False(match.IsSameStory);
    }

    [Fact]
    public void A_title_alone_is_too_little_to_cluster_on() =>
        Assert.True(StorySignature.Of("Tin nóng", null).IsTooShort);

    [Theory]
    [InlineData("Chính phủ thông qua đề án. (Theo Báo Chính phủ)", "Báo Chính phủ")]
    [InlineData("<p>Chính phủ thông qua đề án mới.</p><p>Nguồn: TTXVN</p>", "TTXVN")]
    [InlineData("Theo VnExpress, Bộ Công an đề xuất giảm mức phạt.", "VnExpress")]
    [InlineData("Chính phủ thông qua đề án. Theo Tuổi Trẻ", "Tuổi Trẻ")]
    [InlineData("Theo đó, người lao động được nghỉ 9 ngày.", null)]
    [InlineData("Theo ông Nguyễn Văn An, giá sẽ còn tăng.", null)]
    [InlineData("Theo Bộ Y tế, số ca mắc tăng 20%.", null)]
    [InlineData("Mức phạt được áp dụng theo quy định.", null)]
    public void Credited_outlets_are_found_and_cited_sources_are_not(string text, string? outlet) =>
        Assert.Equal(outlet, OriginalOutletDetector.Detect(text));
}
