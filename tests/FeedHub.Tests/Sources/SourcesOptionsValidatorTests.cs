using FeedHub.Sources;
using Xunit;

namespace FeedHub.Tests.Sources;

public sealed class SourcesOptionsValidatorTests
{
    private readonly SourcesOptionsValidator validator = new();

    [Fact]
    public void Accepts_well_formed_sources()
    {
        var result = validator.Validate(null, With(
            new SourceDefinition { Url = "https://vnexpress.net/rss/tin-moi-nhat.rss", Interval = TimeSpan.FromMinutes(10), TimeZone = "Asia/Ho_Chi_Minh" },
            new SourceDefinition { Url = "https://tuoitre.vn/rss/tin-moi-nhat.rss", Cron = "*/15 * * * *" }));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("not a url", null, null, null, "FeedHub:Sources:0:Url")]
    [InlineData("ftp://example.test/feed", null, null, null, "FeedHub:Sources:0:Url")]
    [InlineData("https://example.test/feed", "-00:01:00", null, null, "FeedHub:Sources:0:Interval")]
    [InlineData("https://example.test/feed", null, "every minute", null, "FeedHub:Sources:0:Cron")]
    [InlineData("https://example.test/feed", null, null, "Asia/Saigon-ish", "FeedHub:Sources:0:TimeZone")]
    [InlineData("https://example.test/feed", "00:05:00", "*/5 * * * *", null, "FeedHub:Sources:0:Cron cannot be set together with interval")]
    public void Names_the_key_to_fix(string url, string? interval, string? cron, string? timeZone, string expected)
    {
        var result = validator.Validate(null, With(new SourceDefinition
        {
            Url = url,
            Interval = interval is null ? null : TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture),
            Cron = cron,
            TimeZone = timeZone,
        }));

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_the_same_url_declared_twice()
    {
        var result = validator.Validate(null, With(
            new SourceDefinition { Url = "https://example.test/feed" },
            new SourceDefinition { Url = "https://example.test/feed" }));

        Assert.Contains("declared twice", result.FailureMessage, StringComparison.Ordinal);
    }

    private static SourcesOptions With(params SourceDefinition[] sources) => new() { Sources = [.. sources] };
}
