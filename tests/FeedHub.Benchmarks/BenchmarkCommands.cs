using System.Globalization;
using FeedHub.Benchmarks.Corpus;
using FeedHub.Benchmarks.Extracting;
using FeedHub.Benchmarks.Fixtures;
using FeedHub.Benchmarks.Fuzzing;
using FeedHub.Benchmarks.Search;

namespace FeedHub.Benchmarks;

/// <summary>The verbs of the benchmark tool; each prints what it did and returns an exit code.</summary>
internal static class BenchmarkCommands
{
    private const string Usage = """
        usage:
          generate <dir> [feeds]     write the benchmark corpus (default 2000 feeds, about 75 MB) and its manifest
          floor <dir>                the floor as a whole process (read every file, one XmlReader pass each)
          measure <dir>              one whole-corpus pass per reader: time ratios, allocations, rejections, dates
          process <dir> [runs]       floor and `feedhub parse --json` over every file, each as a whole process (best of 3)
          profile <dir> <rounds>     only FeedHub's parse and normalize, <rounds> passes, for a profiler to watch
          bench <dir> [feeds]        BenchmarkDotNet over the first [feeds] files of the corpus (default 200)
          fuzz [--seconds N]         mutate fixtures and random bytes for N seconds (default 300)
          fixtures <dir>             write the generated parser fixtures into <dir>
          extract-eval <dir> [runs]  FeedHub's article extractor against SmartReader on the article fixtures in <dir>
          search-bench <provider> <items> [connection]
                                     searches through the full-text index against LIKE on <items> generated items;
                                     provider sqlite or postgresql (server from [connection] or FEEDHUB_BENCH_POSTGRES)
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        switch (args)
        {
            case ["generate", var dir]:
                return CorpusGenerator.Write(dir, CorpusGenerator.DefaultFeeds);
            case ["generate", var dir, var count]:
                return CorpusGenerator.Write(dir, int.Parse(count, CultureInfo.InvariantCulture));
            case ["floor", var dir]:
                // The whole-process floor: start, read every file, one XmlReader pass each, exit.
                await Console.Out.WriteLineAsync(Directory.EnumerateFiles(dir).Where(f => !f.EndsWith(CorpusGenerator.ManifestName, StringComparison.Ordinal))
                    .Sum(f => CorpusReaders.Floor(File.ReadAllBytes(f))).ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
                return 0;
            case ["measure", var dir]:
                return CorpusMeasurement.Run(dir);
            case ["process", var dir]:
                return ProcessMeasurement.Run(dir, 3);
            case ["process", var dir, var runs]:
                return ProcessMeasurement.Run(dir, int.Parse(runs, CultureInfo.InvariantCulture));
            case ["profile", var dir, var rounds]:
                return CorpusMeasurement.Profile(dir, int.Parse(rounds, CultureInfo.InvariantCulture));
            case ["bench", var dir]:
                return ParserBenchmarks.Run(dir, 200);
            case ["bench", var dir, var count]:
                return ParserBenchmarks.Run(dir, int.Parse(count, CultureInfo.InvariantCulture));
            case ["fuzz"]:
                return await FuzzCommand.RunAsync(TimeSpan.FromSeconds(300)).ConfigureAwait(false);
            case ["fuzz", "--seconds", var seconds]:
                return await FuzzCommand.RunAsync(TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture))).ConfigureAwait(false);
            case ["fixtures", var dir]:
                await Console.Out.WriteLineAsync($"wrote {new FixtureCorpus(dir).WriteAll()} fixture documents to {dir}").ConfigureAwait(false);
                return 0;
            case ["extract-eval", var dir]:
                return await ExtractEvaluation.RunAsync(dir, 20).ConfigureAwait(false);
            case ["extract-eval", var dir, var runs]:
                return await ExtractEvaluation.RunAsync(dir, int.Parse(runs, CultureInfo.InvariantCulture)).ConfigureAwait(false);
            case ["search-bench", var provider, var items]:
                return await SearchBenchmark.RunAsync(provider, int.Parse(items, CultureInfo.InvariantCulture), null).ConfigureAwait(false);
            case ["search-bench", var provider, var items, var connection]:
                return await SearchBenchmark.RunAsync(provider, int.Parse(items, CultureInfo.InvariantCulture), connection).ConfigureAwait(false);
            default:
                await Console.Error.WriteLineAsync(Usage).ConfigureAwait(false);
                return 2;
        }
    }
}
