using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using FeedHub.Benchmarks.Corpus;

namespace FeedHub.Benchmarks;

/// <summary>
/// `bench`: BenchmarkDotNet over the first files of the corpus, the floor as baseline. In-process and short:
/// the shared machine has two cores, and the whole-corpus numbers come from `measure`.
/// </summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private const string CorpusVariable = "FEEDHUB_BENCH_CORPUS";
    private const string FilesVariable = "FEEDHUB_BENCH_FILES";

    private CorpusFiles? _corpus;
    private CorpusReaders? _readers;

    [GlobalSetup]
    public void Setup()
    {
        _corpus = CorpusFiles.Load(
            Environment.GetEnvironmentVariable(CorpusVariable) ?? throw new InvalidOperationException($"{CorpusVariable} is not set"),
            int.Parse(Environment.GetEnvironmentVariable(FilesVariable) ?? "200", System.Globalization.CultureInfo.InvariantCulture));
        _readers = new CorpusReaders();
    }

    [Benchmark(Baseline = true, Description = "XmlReader floor")]
    public long Floor()
    {
        long sum = 0;
        foreach (var body in _corpus!.Bodies)
        {
            sum += CorpusReaders.Floor(body);
        }

        return sum;
    }

    [Benchmark(Description = "SyndicationFeed.Load")]
    public int Syndication()
    {
        var items = 0;
        foreach (var body in _corpus!.Bodies)
        {
            items += CorpusReaders.Syndication(body);
        }

        return items;
    }

    [Benchmark(Description = "FeedHub parse+normalize")]
    public int FeedHub()
    {
        var items = 0;
        foreach (var body in _corpus!.Bodies)
        {
            items += _readers!.FeedHub(body)?.Items.Count ?? 0;
        }

        return items;
    }

    internal static int Run(string directory, int files)
    {
        Environment.SetEnvironmentVariable(CorpusVariable, Path.GetFullPath(directory));
        Environment.SetEnvironmentVariable(FilesVariable, files.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var job = Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(2).WithIterationCount(5).WithLaunchCount(1);
        var config = DefaultConfig.Instance.AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summary = BenchmarkRunner.Run<ParserBenchmarks>(config);
        return summary.HasCriticalValidationErrors ? 1 : 0;
    }
}
