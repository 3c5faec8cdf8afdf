using System.Text;
using FeedHub.Parsing;
using FeedHub.Parsing.Listing;
using Xunit;
using static FeedHub.Tests.Parsing.Listing.ListingFixtures;

namespace FeedHub.Tests.Parsing.Listing;

public sealed class ListingTimeReaderTests
{
    private readonly ParseWarnings _warnings = new();

    [Theory]
    [InlineData("2 giờ trước", "2026-01-19T05:00:00Z")]
    [InlineData("2 GIỜ TRƯỚC", "2026-01-19T05:00:00Z")]
    [InlineData("Cập nhật 2 tiếng trước", "2026-01-19T05:00:00Z")]
    [InlineData("5 phút trước", "2026-01-19T06:55:00Z")]
    [InlineData("30 giây trước", "2026-01-19T06:59:30Z")]
    [InlineData("3 ngày trước", "2026-01-16T07:00:00Z")]
    [InlineData("1 tuần trước", "2026-01-12T07:00:00Z")]
    [InlineData("Vừa xong", "2026-01-19T07:00:00Z")]
    [InlineData("vừa đăng", "2026-01-19T07:00:00Z")]
    [InlineData("Hôm qua 10:20", "2026-01-18T03:20:00Z")]
    [InlineData("Hôm qua lúc 10:20", "2026-01-18T03:20:00Z")]
    [InlineData("Hôm nay 08:15", "2026-01-19T01:15:00Z")]
    [InlineData("2 hours ago", "2026-01-19T05:00:00Z")]
    [InlineData("an hour ago", "2026-01-19T06:00:00Z")]
    [InlineData("Yesterday at 10:20", "2026-01-18T03:20:00Z")]
    public void Reads_relative_times_against_the_fetch_time(string text, string expected)
    {
        Assert.Equal(Utc(expected), Reader().Read(text, null));
        Assert.Contains(_warnings.ToList(), w => w.StartsWith("relative times", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2 giờ trước")]
    [InlineData("Hôm qua lúc 10:20")]
    [InlineData("Vừa xong")]
    public void Matches_relative_times_whatever_the_unicode_normalization(string text)
    {
        var nfd = text.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(text, nfd);

        Assert.Equal(Reader().Read(text, null), Reader().Read(nfd, null));
        Assert.NotNull(Reader().Read(nfd, null));
    }

    [Theory]
    [InlineData("10:20", "2026-01-19T03:20:00Z")]
    [InlineData("08h15", "2026-01-19T01:15:00Z")]
    [InlineData("| 13:59", "2026-01-19T06:59:00Z")]
    [InlineData("14:03", "2026-01-19T07:03:00Z")]
    [InlineData("15:00", "2026-01-18T08:00:00Z")]
    [InlineData("23:50", "2026-01-18T16:50:00Z")]
    public void Reads_a_clock_time_as_the_latest_such_time_not_after_the_fetch(string text, string expected) =>
        Assert.Equal(Utc(expected), Reader().Read(text, null));

    [Theory]
    [InlineData("HH:mm | dd/MM/yyyy", "13:35 | 19/01/2026", "2026-01-19T06:35:00Z")]
    [InlineData("HH:mm | dd/MM/yyyy", "  Cập nhật lúc 13:35|19/01/2026 (GMT+7) ", "2026-01-19T06:35:00Z")]
    [InlineData("dd/MM/yyyy HH:mm", "Thứ hai, 19/01/2026 13:35", "2026-01-19T06:35:00Z")]
    [InlineData("dd/MM/yyyy HH:mm", "9/1/2026 08:05", "2026-01-09T01:05:00Z")]
    [InlineData("dd/MM HH:mm", "19/01 13:35", "2026-01-19T06:35:00Z")]
    [InlineData("dd/MM HH:mm", "25/12 10:00", "2025-12-25T03:00:00Z")]
    [InlineData("h:mm tt, MMM d, yyyy", "1:35 PM, Jan 19, 2026", "2026-01-19T06:35:00Z")]
    [InlineData("yyyy-MM-dd'T'HH:mmzzz", "2026-01-19T13:35+07:00", "2026-01-19T06:35:00Z")]
    [InlineData("'Ngày' d 'tháng' M, HH:mm", "Ngày 19 tháng 1, 13:35", "2026-01-19T06:35:00Z")]
    [InlineData("HH:mm", "Cập nhật 10:20", "2026-01-19T03:20:00Z")]
    public void Reads_the_date_pattern_in_the_source_zone(string pattern, string text, string expected) =>
        Assert.Equal(Utc(expected), Reader(pattern).Read(text, null));

    [Fact]
    public void Falls_back_to_the_usual_forms_when_the_pattern_does_not_match()
    {
        Assert.Equal(Utc("2026-01-19T05:00:00Z"), Reader("HH:mm | dd/MM/yyyy").Read("2 giờ trước", null));
    }

    [Fact]
    public void Prefers_the_machine_readable_datetime_to_the_shown_text()
    {
        Assert.Equal(Utc("2026-01-19T06:35:00Z"), Reader().Read("13:35", "2026-01-19T13:35:00+07:00"));
    }

    [Fact]
    public void Reads_any_date_a_feed_could_carry()
    {
        Assert.Equal(Utc("2026-01-19T06:35:00Z"), Reader().Read("19/01/2026 - 13:35", null));
        Assert.Contains("listing times name no timezone; read as Asia/Ho_Chi_Minh", _warnings.ToList());
    }

    [Fact]
    public void Leaves_an_unreadable_time_empty_with_a_warning()
    {
        Assert.Null(Reader().Read("Đang cập nhật", null));
        Assert.Equal(["time \"Đang cập nhật\" could not be read; left empty"], _warnings.ToList());
    }

    [Fact]
    public void Clamps_a_dated_time_far_in_the_future_to_the_fetch()
    {
        Assert.Equal(FetchedAt, Reader("dd/MM/yyyy HH:mm").Read("25/01/2026 10:00", null));
        Assert.Contains(_warnings.ToList(), w => w.Contains("is in the future", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("HH:mm | dd/MM/yyyy")]
    [InlineData("dd/MM")]
    [InlineData("HH:mm")]
    public void Accepts_patterns_with_a_date_or_a_time(string pattern) => Assert.Null(ListingDatePattern.Problem(pattern));

    [Theory]
    [InlineData("")]
    [InlineData("yyyy")]
    [InlineData("giờ")]
    public void Refuses_patterns_without_a_date_or_a_time(string pattern) => Assert.NotNull(ListingDatePattern.Problem(pattern));

    private ListingTimeReader Reader(string? pattern = null) =>
        new(new ParseContext(new Uri("https://example.test/"), Saigon, FetchedAt), pattern is null ? null : ListingDatePattern.Create(pattern), dayFirst: true, _warnings);
}
