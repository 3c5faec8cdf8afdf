using System.Diagnostics;
using System.Globalization;
using FeedHub.Cli;

namespace FeedHub.Benchmarks.Corpus;

/// <summary>
/// `measure`: one whole-corpus pass per reader, single-threaded, best of three, on bytes already in memory:
/// time against the floor, allocations against the input, files rejected, and every item's date checked
/// against the manifest.
/// </summary>
internal static class CorpusMeasurement
{
    private const int Rounds = 3;

    public static int Run(string directory)
    {
        var corpus = CorpusFiles.Load(directory);
        var readers = new CorpusReaders();
        Console.WriteLine($"{corpus.Bodies.Count} files, {corpus.TotalBytes / 1e6:0.0} MB; best of {Rounds} single-threaded passes");

        var floor = Measure(corpus, body => CorpusReaders.Floor(body) >= 0);
        var syndication = Measure(corpus, body => CorpusReaders.Syndication(body) >= 0);
        var parseOnly = Measure(corpus, readers.FeedHubParseOnly);
        var feedHub = Measure(corpus, body => readers.FeedHub(body) is not null);
        var (right, total, wrong) = CheckDates(corpus, readers);

        Console.WriteLine();
        Console.WriteLine("| reader | time (ms) | × floor | MB/s | allocated (MB) | allocated / input | files rejected |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        Row("XmlReader floor (every node, attribute and value)", floor, floor, corpus);
        Row("SyndicationFeed.Load alone", syndication, floor, corpus);
        Row("FeedHub parse alone", parseOnly, floor, corpus);
        Row("FeedHub parse + normalize (sanitizing included)", feedHub, floor, corpus);
        Console.WriteLine();
        Console.WriteLine($"dates: {right} of {total} items right ({wrong.Count} wrong or missing)");
        foreach (var line in wrong.Take(10))
        {
            Console.WriteLine($"  {line}");
        }

        return 0;
    }

    /// <summary>`profile`: FeedHub's parse and normalize alone, round after round, so a profiler sees nothing else.</summary>
    public static int Profile(string directory, int rounds)
    {
        var corpus = CorpusFiles.Load(directory);
        var readers = new CorpusReaders();
        for (var round = 0; round < rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            var items = 0;
            foreach (var body in corpus.Bodies)
            {
                items += readers.FeedHub(body)?.Items.Count ?? 0;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}: {items} items in {clock.Elapsed.TotalMilliseconds:0} ms"));
        }

        return 0;
    }

    private static Result Measure(CorpusFiles corpus, Func<byte[], bool> read)
    {
        // Warm-up: JIT, regex construction, sanitizer set-up are not what is measured.
        foreach (var body in corpus.Bodies.Take(50))
        {
            read(body);
        }

        var best = TimeSpan.MaxValue;
        long allocated = 0;
        var rejected = 0;
        for (var round = 0; round < Rounds; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            rejected = 0;
            var before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            foreach (var body in corpus.Bodies)
            {
                if (!read(body))
                {
                    rejected++;
                }
            }

            clock.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            best = clock.Elapsed < best ? clock.Elapsed : best;
        }

        return new Result(best, allocated, rejected);
    }

    private static (int Right, int Total, List<string> Wrong) CheckDates(CorpusFiles corpus, CorpusReaders readers)
    {
        int right = 0, total = 0;
        var wrong = new List<string>();
        for (var i = 0; i < corpus.Bodies.Count; i++)
        {
            var entry = corpus.Entries[i];
            var feed = readers.FeedHub(corpus.Bodies[i]);
            var published = feed?.Items.Where(item => item.FeedGuid is not null)
                .ToDictionary(item => item.FeedGuid!, item => item.Published) ?? [];
            foreach (var (id, expected) in entry.Dates)
            {
                total++;
                var actual = published.TryGetValue(id, out var value) && value is { } instant ? ParseJsonWriter.Timestamp(instant) : "null";
                if (actual == expected)
                {
                    right++;
                }
                else
                {
                    wrong.Add($"{entry.File} {id}: expected {expected}, got {actual}");
                }
            }
        }

        return (right, total, wrong);
    }

    private static void Row(string name, Result result, Result floor, CorpusFiles corpus) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {name} | {result.Time.TotalMilliseconds:0} | {result.Time / floor.Time:0.00} | {corpus.TotalBytes / 1e6 / result.Time.TotalSeconds:0} | {result.Allocated / 1e6:0} | {(double)result.Allocated / corpus.TotalBytes:0.00} | {result.Rejected} |"));

    private sealed record Result(TimeSpan Time, long Allocated, int Rejected);
}
