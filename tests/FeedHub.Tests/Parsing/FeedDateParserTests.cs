using System.Globalization;
using System.Text;
using FeedHub.Parsing;
using Xunit;

namespace FeedHub.Tests.Parsing;

public sealed class FeedDateParserTests
{
    private static readonly TimeZoneInfo Saigon = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [Theory]
    [InlineData("Mon, 19 Jan 2026 13:35:00 +0700", "2026-01-19T06:35:00Z")]
    [InlineData("Mon, 19 Jan 2026 13:35:00 GMT", "2026-01-19T13:35:00Z")]
    [InlineData("Mon, 19 Jan 2026 13:35:00 UT", "2026-01-19T13:35:00Z")]
    [InlineData("Mon, 19 Jan 2026 13:35:00 Z", "2026-01-19T13:35:00Z")]
    [InlineData("Mon, 5 Jan 2026 13:35:00 GMT", "2026-01-05T13:35:00Z")]
    [InlineData("Mon, 19 Jan 26 13:35:00 GMT", "2026-01-19T13:35:00Z")]
    [InlineData("Mon, 19 Jan 99 13:35:00 GMT", "1999-01-19T13:35:00Z")]
    [InlineData("Mon, 19 Jan 2026 13:35 GMT", "2026-01-19T13:35:00Z")]
    [InlineData("Fri, 19 Jan 2026 13:35:00 GMT", "2026-01-19T13:35:00Z")]
    [InlineData("19 Jan 2026 13:35:00 GMT", "2026-01-19T13:35:00Z")]
    [InlineData("Monday, 19 JANUARY 2026 13:35:00 GMT", "2026-01-19T13:35:00Z")]
    [InlineData("Mon, 19 jan 2026 13:35:00 GMT", "2026-01-19T13:35:00Z")]
    [InlineData("Mon, 19 Sept 2026 13:35:00 GMT", "2026-09-19T13:35:00Z")]
    [InlineData("Mon, 19 Jan 2026 13:35:00 EST", "2026-01-19T18:35:00Z")]
    [InlineData("Mon, 19 Jan 2026 13:35:00 EDT", "2026-01-19T17:35:00Z")]
    [InlineData("Mon, 19 Jan 2026 13:35:00 CST", "2026-01-19T19:35:00Z")]
    [InlineData("Mon, 19 Jan 2026 13:35:00 CDT", "2026-01-19T18:35:00Z")]
    [InlineData("Mon, 19 Jan 2026 13:35:00 MST", "2026-01-19T20:35:00Z")]
    [InlineData("Mon, 19 Jan 2026 13:35:00 MDT", "2026-01-19T19:35:00Z")]
    [InlineData("Mon, 19 Jan 2026 13:35:00 PST", "2026-01-19T21:35:00Z")]
    [InlineData("Mon, 19 Jan 2026 13:35:00 PDT", "2026-01-19T20:35:00Z")]
    [InlineData("Mon, 19 Jan 2026 13:35:00 CET", "2026-01-19T12:35:00Z")]
    [InlineData("Mon, 19 Jan 2026 13:35:00 CEST", "2026-01-19T11:35:00Z")]
    [InlineData("Mon, 19 Jan 2026 13:35:00 ICT", "2026-01-19T06:35:00Z")]
    [InlineData("Mon, 19 Jan 2026 13:35:00 A", "2026-01-19T12:35:00Z")]
    [InlineData("Mon, 19 Jan 2026 13:35:00 N", "2026-01-19T14:35:00Z")]
    [InlineData("Mon, 19 Jan 2026 13:35:00 GMT+7", "2026-01-19T06:35:00Z")]
    [InlineData("Mon, 19 Jan 2026 13:35:00 GMT+07:00", "2026-01-19T06:35:00Z")]
    [InlineData("Mon, 19 Jan 2026 13:35:00 UTC+07:00", "2026-01-19T06:35:00Z")]
    [InlineData("Mon, 19 Jan 2026 13:35:00 GMT-5", "2026-01-19T18:35:00Z")]
    [InlineData("Mon, 19 Jan 2026 13:35:00 +0700 (ICT)", "2026-01-19T06:35:00Z")]
    [InlineData("2026-01-19T13:35:00+07:00", "2026-01-19T06:35:00Z")]
    [InlineData("2026-01-19T13:35:00Z", "2026-01-19T13:35:00Z")]
    [InlineData("2026-01-19T13:35Z", "2026-01-19T13:35:00Z")]
    [InlineData("2026-01-19T13:35:00.123456789Z", "2026-01-19T13:35:00.1234567Z")]
    [InlineData("2026-01-19 13:35:00+0700", "2026-01-19T06:35:00Z")]
    [InlineData("2026-01-19T13:35:00 +07:00", "2026-01-19T06:35:00Z")]
    [InlineData("1768829700", "2026-01-19T13:35:00Z")]
    [InlineData("1768829700000", "2026-01-19T13:35:00Z")]
    [InlineData("19/01/2026 13:35 (GMT+7)", "2026-01-19T06:35:00Z")]
    [InlineData("Jan 19 2026 13:35:00 GMT+0700 (Indochina Time)", "2026-01-19T06:35:00Z")]
    [InlineData("January 19, 2026 13:35 UTC", "2026-01-19T13:35:00Z")]
    public void Reads_dates_that_name_their_zone(string text, string expectedUtc)
    {
        Assert.True(FeedDateParser.TryParse(text, Saigon, out var reading));

        Assert.Equal(Utc(expectedUtc), reading.Value);
        Assert.Equal(TimeSpan.Zero, reading.Value.Offset);
        Assert.False(reading.ZoneAssumed);
    }

    [Theory]
    [InlineData("19/01/2026 13:35", "2026-01-19T06:35:00Z")]
    [InlineData("19/01/2026 13:35:20", "2026-01-19T06:35:20Z")]
    [InlineData("13:35 19/01/2026", "2026-01-19T06:35:00Z")]
    [InlineData("13:35 | 19/01/2026", "2026-01-19T06:35:00Z")]
    [InlineData("Thứ hai, 19/01/2026 - 13:35", "2026-01-19T06:35:00Z")]
    [InlineData("Chủ nhật, 18/01/2026 - 21:00", "2026-01-18T14:00:00Z")]
    [InlineData("Thứ bảy, 17/01/2026, 08:00", "2026-01-17T01:00:00Z")]
    [InlineData("Thứ 2, 19/01/2026 13:35", "2026-01-19T06:35:00Z")]
    [InlineData("2026-01-19T13:35:00", "2026-01-19T06:35:00Z")]
    [InlineData("2026-01-19 13:35", "2026-01-19T06:35:00Z")]
    [InlineData("2026-01-19", "2026-01-18T17:00:00Z")]
    [InlineData("Mon, 19 Jan 2026 13:35:00", "2026-01-19T06:35:00Z")]
    public void Reads_zone_less_dates_in_the_fallback_zone_and_says_so(string text, string expectedUtc)
    {
        Assert.True(FeedDateParser.TryParse(text, Saigon, out var reading));

        Assert.Equal(Utc(expectedUtc), reading.Value);
        Assert.True(reading.ZoneAssumed);
    }

    [Theory]
    [InlineData(NormalizationForm.FormC)]
    [InlineData(NormalizationForm.FormD)]
    public void Reads_vietnamese_weekdays_in_any_unicode_form(NormalizationForm form)
    {
        var text = "Thứ năm, 15/01/2026 - 07:00".Normalize(form);

        Assert.True(FeedDateParser.TryParse(text, Saigon, out var reading));
        Assert.Equal(Utc("2026-01-15T00:00:00Z"), reading.Value);
    }

    [Theory]
    [InlineData("02/01/2026 10:00", 1, 2)]
    [InlineData("12/11/2026 10:00", 11, 12)]
    [InlineData("01/12/2026 10:00", 12, 1)]
    public void Reads_numeric_dates_day_first(string text, int month, int day)
    {
        Assert.True(FeedDateParser.TryParse(text, TimeZoneInfo.Utc, out var reading));

        Assert.Equal((month, day), (reading.Value.Month, reading.Value.Day));
        Assert.False(reading.MonthFirst);
    }

    [Fact]
    public void Reads_month_first_only_when_day_first_is_impossible()
    {
        Assert.True(FeedDateParser.TryParse("01/19/2026 10:00", TimeZoneInfo.Utc, out var reading));

        Assert.Equal(Utc("2026-01-19T10:00:00Z"), reading.Value);
        Assert.True(reading.MonthFirst);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("yesterday")]
    [InlineData("Tuesday the 13th, around noon")]
    [InlineData("32/01/2026 10:00")]
    [InlineData("29/02/2026 10:00")]
    [InlineData("19/13/2026 10:00")]
    [InlineData("Mon, 19 Foo 2026 13:35:00 GMT")]
    [InlineData("Mon, 19 Jan 2026 25:35:00 GMT")]
    [InlineData("Mon, 19 Jan 2026 13:35:00 XYZ")]
    [InlineData("2026-01-19T13:35:00+25:00")]
    [InlineData("2026-01-19T13:35:00+14:30")]
    [InlineData("Mon, 19 Jan 2026 13:35:00 +1459")]
    [InlineData("Mon, 19 Jan 2026 13:35:00 GMT-14:01")]
    [InlineData("0000-00-00 00:00:00")]
    public void Rejects_garbage(string text) =>
        Assert.False(FeedDateParser.TryParse(text, TimeZoneInfo.Utc, out _));

    [Fact]
    public void Reads_a_zone_less_date_in_the_zone_in_force_on_that_day()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        Assert.True(FeedDateParser.TryParse("2026-07-01 12:00", newYork, out var summer));
        Assert.True(FeedDateParser.TryParse("2026-01-01 12:00", newYork, out var winter));

        Assert.Equal(Utc("2026-07-01T16:00:00Z"), summer.Value);
        Assert.Equal(Utc("2026-01-01T17:00:00Z"), winter.Value);
    }

    private static DateTimeOffset Utc(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
