using FeedHub.Load;

// feedhub-load farm | consumer | scenario — see tests/BENCHMARKS.md.
return args.Length == 0 ? Usage() : args[0] switch
{
    "farm" => await FeedFarm.RunAsync(LoadArguments.Parse(args[1..])),
    "consumer" => await LoadConsumer.RunAsync(LoadArguments.Parse(args[1..])),
    "scenario" => await Scenario.RunAsync(LoadArguments.Parse(args[1..])),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: feedhub-load farm|consumer|scenario [--option value]... (see tests/BENCHMARKS.md)");
    return 2;
}
