using System.Diagnostics;
using System.Globalization;

namespace FeedHub.Benchmarks.Corpus;

/// <summary>
/// `process`: the whole-process comparison. Runs the floor (`floor`, this tool in a child process) and
/// `feedhub parse --json` over every corpus file in one child process each, best of a few runs, and prints the
/// wall-clock times and their ratio (a finished child's CPU time cannot be read on Linux). Output is read and thrown away, as a pipe to another tool would.
/// </summary>
internal static class ProcessMeasurement
{
    public static int Run(string directory, int runs)
    {
        var files = Directory.EnumerateFiles(directory).Where(f => !f.EndsWith(CorpusGenerator.ManifestName, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var here = AppContext.BaseDirectory;
        var floor = Best(runs, () => Start(Path.Combine(here, "FeedHub.Benchmarks.dll"), ["floor", directory]));
        var feedHub = Best(runs, () => Start(Path.Combine(here, "feedhub.dll"), ["parse", "--json", "--timezone", "Asia/Ho_Chi_Minh", .. files]));
        Console.WriteLine($"{files.Count} files; best of {runs} runs of each process");
        Console.WriteLine();
        Console.WriteLine("| process | wall (ms) | × floor |");
        Console.WriteLine("|---|---:|---:|");
        Row("floor: one XmlReader pass per file", floor, floor);
        Row("`feedhub parse --json` over every file", feedHub, floor);
        return feedHub.ExitCode == 0 ? 0 : 1;
    }

    private static (TimeSpan Wall, int ExitCode) Best(int runs, Func<Process> start)
    {
        var best = (Wall: TimeSpan.MaxValue, ExitCode: 0);
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            using var process = start();
            process.StandardOutput.BaseStream.CopyTo(Stream.Null);
            process.WaitForExit();
            clock.Stop();
            best = (clock.Elapsed < best.Wall ? clock.Elapsed : best.Wall, process.ExitCode);
        }

        return best;
    }

    private static Process Start(string assembly, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"could not start {assembly}");
    }

    private static void Row(string name, (TimeSpan Wall, int ExitCode) result, (TimeSpan Wall, int ExitCode) floor) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {result.Wall.TotalMilliseconds:0} | {result.Wall / floor.Wall:0.00} |"));
}
