using FeedHub.Cli;
using FeedHub.Normalizing;
using FeedHub.Parsing;
using Xunit;

namespace FeedHub.Tests.Parsing;

public sealed class ParsingFixtureTests
{
    private static readonly FeedParser Parser = new();
    private static readonly ItemNormalizer Normalizer = new(new ContentSanitizer());

    public static TheoryData<string> Fixtures => new(ParsingFixtures.Documents());

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parses_fixture_into_what_the_cli_prints(string fixture)
    {
        var report = ParseCommand.Run(fixture, ParsingFixtures.Read(fixture), ParsingFixtures.ContextFor(fixture), Parser, Normalizer);

        Golden.AssertMatches(ParseJsonWriter.Write(report), ParsingFixtures.ExpectedFileFor(fixture));
    }

    /// <summary>Date fixtures name the instant they must yield, so a wrong golden cannot hide a wrong date.</summary>
    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Reads_the_date_the_fixture_names(string fixture)
    {
        using var options = ParsingFixtures.Options(fixture);
        if (options is null || !options.RootElement.TryGetProperty("expectPublished", out var expected))
        {
            return;
        }

        var report = ParseCommand.Run(fixture, ParsingFixtures.Read(fixture), ParsingFixtures.ContextFor(fixture), Parser, Normalizer);
        var item = Assert.Single(report.Feed!.Items);
        Assert.Equal(expected.GetString(), item.Published is { } published ? ParseJsonWriter.Timestamp(published) : "null");
    }

    [Fact]
    public void There_are_at_least_three_hundred_fixtures() =>
        Assert.True(ParsingFixtures.Documents().Count() >= 300);
}
