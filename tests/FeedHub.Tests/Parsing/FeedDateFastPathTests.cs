using System.Globalization;
using FeedHub.Parsing;
using Xunit;

namespace FeedHub.Tests.Parsing;

/// <summary>The fast path may decline any text, but what it reads it must read exactly as the general reader does.</summary>
public sealed class FeedDateFastPathTests
{
    private static readonly TimeZoneInfo Saigon = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [Theory]
    [InlineData("Mon, 19 Jan 2026 13:35:00 +0700")]
    [InlineData("Mon, 19 Jan 2026 06:35:00 GMT")]
    [InlineData("19 Jan 2026 13:35:00 GMT+7")]
    [InlineData("Mon, 9 Jan 26 13:35:00 ICT")]
    [InlineData("MON, 19 JAN 2026 06:35:00 UT")]
    [InlineData("Mon, 19 Jan 2026 13:35:00 UTC+07:00")]
    [InlineData("Mon, 19 Jan 2026 13:35 GMT")]
    [InlineData("Mon, 19 Jan 2026 13:35:00")]
    [InlineData("Mon, 19 Jan 2026 13:35:00 A")]
    [InlineData("Mon, 19 Jan 2026 13:35:00 -0500")]
    [InlineData("2026-01-19T13:35:00+07:00")]
    [InlineData("2026-01-19 06:35:00Z")]
    [InlineData("2026-01-19T13:35:00.123456789Z")]
    [InlineData("2026-01-19T13:35Z")]
    [InlineData("2026-01-19T13:35:00")]
    [InlineData("13:35 | 19/01/2026")]
    [InlineData("19/01/2026 13:35:00")]
    [InlineData("13:35 19/01/2026")]
    [InlineData("19/01/2026 - 13:35")]
    [InlineData("19/01/2026, 13:35")]
    [InlineData("01/19/2026 13:35")]
    [InlineData("19/01/2026")]
    public void Reads_the_common_forms_itself(string text)
    {
        Assert.True(FeedDateFastPath.TryParse(text, Saigon, allowMonthFirst: true, out _));
        AssertAgrees(text);
    }

    [Theory]
    [InlineData("Mon, 19 Jan 2026 13:35:00 +0700 (ICT)")]
    [InlineData("Mon,  19 Jan 2026 13:35:00 GMT")]
    [InlineData("Monday, 19 January 2026 13:35:00 GMT")]
    [InlineData("Mon, 19 Sept 2026 13:35:00 GMT")]
    [InlineData("Thứ hai, 19/01/2026 - 13:35")]
    [InlineData("19/01/2026 13:35 (GMT+7)")]
    [InlineData("1768829700")]
    [InlineData("Mon, 19 Jan 2026 13:35:00.5 GMT")]
    [InlineData("2026-01-19")]
    public void Leaves_other_forms_to_the_general_reader(string text)
    {
        Assert.False(FeedDateFastPath.TryParse(text, Saigon, allowMonthFirst: true, out _));
        AssertAgrees(text);
    }

    [Fact]
    public void Agrees_with_the_general_reader_on_generated_dates()
    {
        var random = new Random(20260123);
        var ci = CultureInfo.InvariantCulture;
        string[] formats =
        [
            "ddd, dd MMM yyyy HH:mm:ss", "ddd, d MMM yy HH:mm:ss", "d MMM yyyy H:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss.fff",
            "dd/MM/yyyy HH:mm:ss", "HH:mm dd/MM/yyyy", "HH:mm | dd/MM/yyyy", "dd/MM/yyyy - HH:mm", "MM/dd/yyyy HH:mm", "d/M/yyyy H:mm",
        ];
        string[] zones = ["", " GMT", " +0700", " -0330", " UT", " UTC", " ICT", " CST", " Z", " z", " GMT+7", " UTC+07:00", " +1459", " +99", " XYZ", "Z", "+07:00", "-0800", " (GMT+7)"];
        for (var i = 0; i < 20_000; i++)
        {
            var instant = new DateTime(1995, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddSeconds(random.NextInt64(0, 40L * 365 * 24 * 3600));
            var text = instant.ToString(formats[random.Next(formats.Length)], ci) + zones[random.Next(zones.Length)];
            AssertAgrees(text);
            AssertAgrees(Mutate(text, random));
        }
    }

    private static string Mutate(string text, Random random)
    {
        var chars = text.ToCharArray();
        var at = random.Next(chars.Length);
        chars[at] = "0123456789 :/-+.,|TZGMaA"[random.Next(24)];
        return new string(chars);
    }

    private static void AssertAgrees(string text)
    {
        foreach (var monthFirst in new[] { true, false })
        {
            FeedDateReading fast;
            bool fastRead;
            try
            {
                fastRead = FeedDateFastPath.TryParse(text.AsSpan().Trim(), Saigon, monthFirst, out fast);
            }
            catch (ArgumentOutOfRangeException)
            {
                // An offset beyond ±14 h: the general reader throws on it too.
                Assert.Throws<ArgumentOutOfRangeException>(() => FeedDateParser.TryParseGeneral(text, Saigon, monthFirst, out _));
                continue;
            }

            if (!fastRead)
            {
                continue;
            }

            Assert.True(FeedDateParser.TryParseGeneral(text, Saigon, monthFirst, out var general), $"only the fast path read \"{text}\"");
            Assert.Equal(general, fast);
        }
    }
}
