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

    [Fact]
    public void There_are_at_least_fifteen_fixtures() =>
        Assert.True(ParsingFixtures.Documents().Count() >= 15);
}
