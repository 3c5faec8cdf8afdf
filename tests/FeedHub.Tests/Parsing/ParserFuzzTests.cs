using System.Diagnostics;
using FeedHub.Benchmarks.Fuzzing;
using FeedHub.Normalizing;
using FeedHub.Parsing;
using Xunit;

namespace FeedHub.Tests.Parsing;

/// <summary>
/// A bounded fuzz run on every build: mutated fixtures and random bytes must never make parse + normalize throw,
/// fail internally or take long. The seed is fixed so a failure reproduces; `fuzz --seconds N` runs longer.
/// </summary>
public sealed class ParserFuzzTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(8);

    [Fact]
    public void Survives_mutated_fixtures_and_random_bytes()
    {
        var seeds = ParsingFixtures.Documents().Select(ParsingFixtures.Read).ToList();
        var fuzzer = new FeedFuzzer(seeds, seed: 20260119);
        var parser = new FeedParser();
        var normalizer = new ItemNormalizer(new ContentSanitizer());
        var context = new ParseContext(ParsingFixtures.DefaultBaseUrl, TimeZoneInfo.Utc, ParsingFixtures.DefaultFetchedAt);
        var failures = new List<string>();
        var runs = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Budget && failures.Count < 5)
        {
            var input = fuzzer.Next();
            runs++;
            if (FeedFuzzer.Check(input, parser, normalizer, context) is { } failure)
            {
                failures.Add($"input {runs} ({Convert.ToBase64String(input.AsSpan(0, Math.Min(input.Length, 600)))}): {failure}");
            }
        }

        Assert.True(runs > 100, $"only {runs} inputs in {Budget.TotalSeconds} s");
        Assert.Empty(failures);
    }
}
