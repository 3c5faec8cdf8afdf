using System.Globalization;

namespace FeedHub.Load;

/// <summary>CPU time and memory of a process from /proc, as the kernel counts them.</summary>
internal readonly record struct ProcessSample(long AtMs, double CpuSeconds, long RssBytes, long PeakRssBytes)
{
    private const double ClockTicksPerSecond = 100; // USER_HZ on Linux

    public static ProcessSample? Read(int pid, long atMs)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var cpu = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ClockTicksPerSecond;
            long rss = 0, peak = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kilobytes(line);
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    peak = Kilobytes(line);
                }
            }

            return new ProcessSample(atMs, cpu, rss, peak);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
}
