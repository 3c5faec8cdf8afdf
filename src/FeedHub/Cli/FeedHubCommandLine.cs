using System.CommandLine;

namespace FeedHub.Cli;

/// <summary>Dispatches the `feedhub` verbs; with no verb the service runs.</summary>
internal static class FeedHubCommandLine
{
    public static async Task<int> InvokeAsync(string[] args)
    {
        var root = new RootCommand("FeedHub: polls news feeds, stores and publishes their items, serves merged feeds.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(MigrateCommand.Create());
        root.SetAction((parseResult, cancellationToken) => ServeCommand.RunAsync([.. parseResult.UnmatchedTokens], cancellationToken));
        return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
    }
}
