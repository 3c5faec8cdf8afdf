using System.Globalization;
using System.Text;

namespace FeedHub.Load;

/// <summary>The figures of one run, from the farm's request log, the consumer's receive log and the samples.</summary>
internal static class ScenarioReport
{
    public static string Build(ScenarioRun run)
    {
        var plan = run.Plan;
        var fetches = ReadFarm(run.FarmLog);
        var byFeed = fetches.GroupBy(f => f.Feed).ToDictionary(g => g.Key, g => g.OrderBy(f => f.StartMs).ToList());
        var startMs = run.ImportEndMs;
        var endMs = startMs + (long)run.Run.TotalMilliseconds;
        var steadyFromMs = startMs + (long)plan.Interval.TotalMilliseconds;
        var required = plan.Feeds / plan.Interval.TotalSeconds;

        var inRun = fetches.Count(f => f.StartMs >= startMs && f.StartMs < endMs);
        var inSteady = fetches.Count(f => f.StartMs >= steadyFromMs && f.StartMs < endMs);
        var steadySeconds = (endMs - steadyFromMs) / 1000.0;

        // Planned = the NextPollAt FeedHub wrote for the source (its interval plus jitter from the previous planned time,
        // or the spread first poll); actual = when the farm saw the request.
        var firstLags = new List<double>();
        var laterLags = new List<double>();
        var unmatched = 0;
        foreach (var (feed, list) in byFeed)
        {
            var times = run.Planned.TryGetValue(feed, out var set) ? set.Order().ToArray() : [];
            for (var n = 0; n < list.Count; n++)
            {
                var at = list[n].StartMs;
                var index = Array.BinarySearch(times, at + 1000);
                index = index >= 0 ? index : ~index - 1;
                if (index < 0 || at - times[index] > plan.Interval.TotalMilliseconds / 2)
                {
                    unmatched++;
                    continue;
                }

                (n == 0 ? firstLags : laterLags).Add((at - times[index]) / 1000.0);
            }
        }

        var firstPollDelay = byFeed.Values.Select(l => (l[0].StartMs - run.ImportEndMs) / 1000.0).ToList();

        // Fetch-to-consumer: the first 200 answer that carried the item's generation, to the consumer's receipt.
        var received = ReadConsumer(run.ConsumerLog);
        var latencies = new List<double>();
        var changeToConsumer = new List<double>();
        var initialReceived = 0;
        foreach (var (feed, sequence, receivedMs) in received)
        {
            var generation = plan.GenerationOf(sequence);
            if (generation == 0 || !byFeed.TryGetValue(feed, out var list))
            {
                initialReceived++;
                continue;
            }

            var index = list.FindIndex(f => f.Status == 200 && f.Generation >= generation);
            if (index <= 0)
            {
                initialReceived++;
                continue;
            }

            latencies.Add((receivedMs - list[index].EndMs) / 1000.0);
            changeToConsumer.Add((receivedMs - plan.GenerationStartMs(feed, generation)) / 1000.0);
        }

        var expectedNew = 0;
        foreach (var (feed, list) in byFeed)
        {
            var seen = list[0].Generation;
            foreach (var fetch in list.Skip(1).Where(f => f.Status == 200 && f.Generation > seen))
            {
                expectedNew += (fetch.Generation - seen) * plan.ItemsPerChange;
                seen = fetch.Generation;
            }
        }

        var samples = run.Samples.Where(s => s.AtMs >= startMs).ToList();
        var steadySamples = samples.Where(s => s.AtMs >= steadyFromMs).ToList();
        var items = run.ItemCounts;
        var lastItems = items.Count > 0 ? items[^1].Items : 0;

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## {plan.Feeds:N0} sources, interval {plan.Interval:c}, {plan.ChangeShare:P0} changing per interval, {run.Run:c} after import");
        text.AppendLine();
        text.AppendLine("| figure | value |");
        text.AppendLine("|---|---|");
        Row(text, "OPML import of all sources", $"{(run.ImportEndMs - run.ImportStartMs) / 1000.0:F1} s");
        Row(text, "fetches/s required (sources ÷ interval)", $"{required:F1}");
        Row(text, "fetches/s achieved, whole run (first polls spread + steady)", $"{inRun / run.Run.TotalSeconds:F1}");
        Row(text, "fetches/s achieved, steady (after the first interval)", steadySeconds > 0 ? $"{inSteady / steadySeconds:F1}" : "n/a");
        Row(text, "farm answers 200 / 304 / other", $"{fetches.Count(f => f.Status == 200):N0} / {fetches.Count(f => f.Status == 304):N0} / {fetches.Count(f => f.Status is not (200 or 304)):N0}");
        Row(text, "farm response time p50 / p99", $"{Percentile(fetches.Select(f => f.DurationUs / 1000.0).ToList(), 50):F2} / {Percentile(fetches.Select(f => f.DurationUs / 1000.0).ToList(), 99):F2} ms");
        Row(text, "sources polled at least once / twice", $"{byFeed.Count:N0} / {byFeed.Values.Count(l => l.Count >= 2):N0} of {plan.Feeds:N0}");
        Row(text, "first poll after import p50 / p99 / max", $"{Percentile(firstPollDelay, 50):F1} / {Percentile(firstPollDelay, 99):F1} / {Max(firstPollDelay):F1} s");
        Row(text, "schedule lag, first polls p50 / p99 / max", $"{Percentile(firstLags, 50):F2} / {Percentile(firstLags, 99):F2} / {Max(firstLags):F2} s (n={firstLags.Count:N0})");
        Row(text, "schedule lag, later polls p50 / p99 / max", $"{Percentile(laterLags, 50):F2} / {Percentile(laterLags, 99):F2} / {Max(laterLags):F2} s (n={laterLags.Count:N0}; {unmatched:N0} polls without a sampled plan)");
        Row(text, "items stored (total) / per s whole run / per s steady", $"{lastItems:N0} / {RatePerSecond(items, startMs, endMs):F1} / {RatePerSecond(items, steadyFromMs, endMs):F1}");
        Row(text, "items stored per s, busiest 10 s", $"{PeakRate(items):F1}");
        Row(text, "items published to the consumer (total) / per s steady", $"{received.Count:N0} / {received.Count(r => r.ReceivedMs >= steadyFromMs && r.ReceivedMs < endMs) / Math.Max(1, steadySeconds):F1}");
        Row(text, "new items after first polls: expected / received", $"{expectedNew:N0} / {latencies.Count:N0} (initial items received: {initialReceived:N0})");
        Row(text, "fetch → consumer latency p50 / p99 / max", $"{Percentile(latencies, 50):F3} / {Percentile(latencies, 99):F3} / {Max(latencies):F3} s");
        Row(text, "change at the farm → consumer p50 / p99 (includes waiting for the poll)", $"{Percentile(changeToConsumer, 50):F0} / {Percentile(changeToConsumer, 99):F0} s");
        Row(text, "CPU, average cores, whole run / steady", $"{AverageCores(samples):F2} / {AverageCores(steadySamples):F2}");
        Row(text, "CPU, busiest 10 s (cores)", $"{PeakCores(samples):F2}");
        Row(text, "RSS at end / peak (VmHWM)", $"{Mb(samples.Count > 0 ? samples[^1].RssBytes : 0)} / {Mb(run.Samples.Count > 0 ? run.Samples.Max(s => s.PeakRssBytes) : 0)}");
        Row(text, "database size / Items table (with indexes, TOAST)", $"{Mb(run.DatabaseBytes)} / {Mb(run.ItemsBytes)}");
        Row(text, "per 100,000 items: database / Items table", lastItems > 0 ? $"{Mb(run.DatabaseBytes * 100_000 / lastItems)} / {Mb(run.ItemsBytes * 100_000 / lastItems)}" : "n/a");
        if (run.FeedhubExitedEarly)
        {
            Row(text, "WARNING", "feedhub exited before the end of the run");
        }

        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, string value) => text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value} |");

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:F1} MB");

    private static double Max(List<double> values) => values.Count == 0 ? double.NaN : values.Max();

    private static double Percentile(List<double> values, double percent)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    private static double RatePerSecond(IReadOnlyList<(long AtMs, long Items)> counts, long fromMs, long toMs)
    {
        var window = counts.Where(c => c.AtMs >= fromMs && c.AtMs <= toMs + 15_000).ToList();
        return window.Count < 2 ? double.NaN : (window[^1].Items - window[0].Items) / ((window[^1].AtMs - window[0].AtMs) / 1000.0);
    }

    private static double PeakRate(IReadOnlyList<(long AtMs, long Items)> counts)
    {
        var peak = 0.0;
        for (var i = 1; i < counts.Count; i++)
        {
            peak = Math.Max(peak, (counts[i].Items - counts[i - 1].Items) / Math.Max(0.001, (counts[i].AtMs - counts[i - 1].AtMs) / 1000.0));
        }

        return peak;
    }

    private static double AverageCores(List<ProcessSample> samples) =>
        samples.Count < 2 ? double.NaN : (samples[^1].CpuSeconds - samples[0].CpuSeconds) / ((samples[^1].AtMs - samples[0].AtMs) / 1000.0);

    private static double PeakCores(List<ProcessSample> samples)
    {
        var peak = 0.0;
        for (var i = 10; i < samples.Count; i++)
        {
            peak = Math.Max(peak, (samples[i].CpuSeconds - samples[i - 10].CpuSeconds) / ((samples[i].AtMs - samples[i - 10].AtMs) / 1000.0));
        }

        return peak;
    }

    private readonly record struct Fetch(int Feed, long StartMs, long DurationUs, int Status, int Generation)
    {
        public long EndMs => StartMs + (DurationUs / 1000);
    }

    private static List<Fetch> ReadFarm(string path) =>
        File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Where(f => f.Length == 5)
            .Select(f => new Fetch(Int(f[0]), Long(f[1]), Long(f[2]), Int(f[3]), Int(f[4]))).ToList();

    /// <summary>Links look like http://127.0.0.1:port/item/{feed}/{sequence}.</summary>
    private static List<(int Feed, int Sequence, long ReceivedMs)> ReadConsumer(string path)
    {
        var result = new List<(int, int, long)>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var fields = line.Split(',');
            var marker = fields[0].IndexOf("/item/", StringComparison.Ordinal);
            if (fields.Length != 3 || marker < 0)
            {
                continue;
            }

            var parts = fields[0][(marker + 6)..].Split('/');
            result.Add((Int(parts[0]), Int(parts[1]), Long(fields[2])));
        }

        return result;
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static long Long(string text) => long.Parse(text, CultureInfo.InvariantCulture);
}
