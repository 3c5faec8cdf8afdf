using FeedHub.Parsing;
using Xunit;

namespace FeedHub.Tests.Parsing;

public sealed class FeedDatesTests
{
    private static readonly TimeZoneInfo Saigon = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private static readonly DateTimeOffset FetchedAt = new(2026, 1, 20, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Warns_when_a_date_has_no_zone()
    {
        var (dates, warnings) = Create();

        var value = dates.Read("13:35 | 19/01/2026");

        Assert.Equal(new DateTimeOffset(2026, 1, 19, 6, 35, 0, TimeSpan.Zero), value);
        Assert.Equal(["date \"13:35 | 19/01/2026\" has no timezone; read as Asia/Ho_Chi_Minh"], warnings.ToList());
    }

    [Fact]
    public void Leaves_an_unreadable_date_empty_with_a_warning()
    {
        var (dates, warnings) = Create();

        Assert.Null(dates.Read("soon"));
        Assert.Equal(["date \"soon\" could not be read; left empty"], warnings.ToList());
    }

    [Fact]
    public void Clamps_dates_more_than_a_day_in_the_future_to_the_fetch_time()
    {
        var (dates, warnings) = Create();

        Assert.Equal(FetchedAt, dates.Read("2026-02-01T00:00:00Z"));
        Assert.Single(warnings.ToList(), w => w.Contains("clamped", StringComparison.Ordinal));
    }

    [Fact]
    public void Keeps_dates_less_than_a_day_ahead()
    {
        var (dates, warnings) = Create();

        Assert.Equal(FetchedAt.AddHours(20), dates.Read("2026-01-20T20:00:00Z"));
        Assert.Empty(warnings.ToList());
    }

    [Fact]
    public void Lists_each_distinct_warning_once()
    {
        var (dates, warnings) = Create();

        dates.Read("soon");
        dates.Read("soon");
        dates.Read("later");

        Assert.Equal(2, warnings.ToList().Count);
    }

    [Fact]
    public void Returns_utc_with_offset_zero()
    {
        var (dates, _) = Create();

        Assert.Equal(TimeSpan.Zero, dates.Read("Mon, 19 Jan 2026 13:35:00 +0700")!.Value.Offset);
    }

    private static (FeedDates Dates, ParseWarnings Warnings) Create()
    {
        var warnings = new ParseWarnings();
        return (new FeedDates(new ParseContext(null, Saigon, FetchedAt), warnings), warnings);
    }
}
