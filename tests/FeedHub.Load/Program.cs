using FeedHub.Load;

// feedhub-load farm | consumer | scenario — see tests/BENCHMARKS.md.
if (args.Contains("--help") || args.Contains("-h"))
{
    Usage();
    return 0;
}

if (args.Length == 0)
{
    return Usage();
}

LoadArguments options;
try
{
    options = LoadArguments.Parse(args[1..]);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"feedhub-load: {e.Message}");
    return Usage();
}

return args[0] switch
{
    "farm" => await FeedFarm.RunAsync(options),
    "consumer" => await LoadConsumer.RunAsync(options),
    "scenario" => await Scenario.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: feedhub-load farm|consumer|scenario [--option value]... (options and defaults: tests/BENCHMARKS.md)");
    return 2;
}
