using System.Text;
using FeedHub.Normalizing;
using Xunit;

namespace FeedHub.Tests.Normalizing;

public sealed class FoldedTextTests
{
    [Theory]
    [InlineData("Thủ tướng", "thu tuong")]
    [InlineData("ĐỒNG BẰNG SÔNG CỬU LONG", "dong bang song cuu long")]
    [InlineData("đường", "duong")]
    [InlineData("Café", "cafe")]
    [InlineData("", "")]
    public void Case_and_diacritics_fold_away(string text, string folded)
    {
        Assert.Equal(folded, FoldedText.Of(text));
        Assert.Equal(folded, FoldedText.Of(text.Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void Contains_needs_a_keyword()
    {
        Assert.True(FoldedText.Contains(FoldedText.Of("Bão số 3 đổ bộ"), FoldedText.Of("ĐỔ BỘ")));
        Assert.False(FoldedText.Contains(FoldedText.Of("Bão số 3"), string.Empty));
    }
}
