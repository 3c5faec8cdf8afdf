using System.Diagnostics;
using FeedHub.Normalizing;
using FeedHub.Parsing;

namespace FeedHub.Benchmarks.Fuzzing;

/// <summary>`fuzz --seconds N`: the long fuzz run; failing inputs are written to ./fuzz-failures for replay.</summary>
internal static class FuzzCommand
{
    private const string FixturesDirectory = "tests/FeedHub.Tests/Parsing/Fixtures";

    public static async Task<int> RunAsync(TimeSpan duration)
    {
        var seeds = Directory.Exists(FixturesDirectory)
            ? Directory.EnumerateFiles(FixturesDirectory, "*", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal) && !f.EndsWith(".options.json", StringComparison.Ordinal))
                .Select(File.ReadAllBytes).ToList()
            : [];
        var seed = Environment.TickCount;
        await Console.Out.WriteLineAsync($"fuzzing for {duration.TotalSeconds:0} s from {seeds.Count} seed documents, random seed {seed}").ConfigureAwait(false);

        var fuzzer = new FeedFuzzer(seeds, seed);
        var parser = new FeedParser();
        var normalizer = new ItemNormalizer(new ContentSanitizer());
        var context = new ParseContext(new Uri("https://fuzz.example.test/feed"), TimeZoneInfo.Utc, new DateTimeOffset(2026, 1, 20, 0, 0, 0, TimeSpan.Zero));
        var clock = Stopwatch.StartNew();
        long runs = 0, failures = 0;
        while (clock.Elapsed < duration)
        {
            var input = fuzzer.Next();
            runs++;
            if (FeedFuzzer.Check(input, parser, normalizer, context) is { } failure)
            {
                failures++;
                Directory.CreateDirectory("fuzz-failures");
                var path = Path.Combine("fuzz-failures", $"failure-{seed}-{runs}.bin");
                await File.WriteAllBytesAsync(path, input).ConfigureAwait(false);
                await Console.Out.WriteLineAsync($"{path}: {failure.ReplaceLineEndings(" ")[..Math.Min(300, failure.Length)]}").ConfigureAwait(false);
            }
        }

        await Console.Out.WriteLineAsync($"{runs} inputs in {clock.Elapsed.TotalSeconds:0} s, {failures} failure(s)").ConfigureAwait(false);
        return failures == 0 ? 0 : 1;
    }
}
