using FeedHub.Benchmarks;

// Verbs: generate <dir> [feeds] | measure <dir> | bench <dir> | fuzz [--seconds N] | fixtures <dir> | search-bench <provider> <items>
return await BenchmarkCommands.RunAsync(args);
