using FeedHub.Feeds;
using Xunit;

namespace FeedHub.Tests.Feeds;

public sealed class ItemCursorTests
{
    [Fact]
    public void A_cursor_reads_back_as_written_and_is_safe_in_a_url()
    {
        var cursor = new ItemCursor(new DateTimeOffset(2026, 1, 19, 6, 35, 0, TimeSpan.Zero), Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"));

        var text = cursor.ToString();

        Assert.Equal(Uri.EscapeDataString(text), text);
        Assert.True(ItemCursor.TryParse(text, out var read));
        Assert.Equal(cursor, read);
    }

    [Fact]
    public void A_cursor_without_an_id_means_a_whole_time()
    {
        var cursor = new ItemCursor(DateTimeOffset.UnixEpoch, null);

        Assert.True(ItemCursor.TryParse(cursor.ToString(), out var read));
        Assert.Null(read.Value.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a cursor")]
    [InlineData("bzox")]
    [InlineData("__________________________________")]
    public void Anything_else_is_refused(string text) => Assert.False(ItemCursor.TryParse(text, out _));
}
