using FeedHub.Benchmarks;

// Verbs: generate <dir> [feeds] | measure <dir> | bench <dir> | fuzz [--seconds N] | fixtures <dir>
return await BenchmarkCommands.RunAsync(args);
