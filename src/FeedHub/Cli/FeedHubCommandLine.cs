using System.CommandLine;

namespace FeedHub.Cli;

/// <summary>Dispatches the `feedhub` verbs; with no verb the service runs.</summary>
internal static class FeedHubCommandLine
{
    public static async Task<int> InvokeAsync(string[] args)
    {
        var root = new RootCommand("FeedHub: polls news feeds, stores and publishes their items, serves merged feeds.");
        root.SetAction((_, _) => Task.FromResult(0));
        root.Subcommands.Add(ParseCommand.Create(PlainHttpFetch.FetchAsync));
        return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
    }
}
