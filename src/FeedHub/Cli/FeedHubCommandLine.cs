using System.CommandLine;

namespace FeedHub.Cli;

/// <summary>Dispatches the `feedhub` verbs; with no verb the service runs.</summary>
internal static class FeedHubCommandLine
{
    public const int BadArguments = 2;

    public static async Task<int> InvokeAsync(string[] args)
    {
        using var cli = new CliServices();
        var root = new RootCommand("FeedHub: polls news feeds, stores and publishes their items, serves merged feeds.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(ParseCommand.Create(cli.FetchAsync, TimeProvider.System, cli.Configuration));
        root.Subcommands.Add(ExtractCommand.Create(cli.FetchAsync, cli.Configuration));
        root.Subcommands.Add(KeysCommand.Create());
        root.Subcommands.Add(SourcesCommand.Create());
        root.SetAction((parseResult, cancellationToken) => ServeCommand.RunAsync([.. parseResult.UnmatchedTokens], cancellationToken));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // The contract gives bad arguments exit code 2, with a one-line reason.
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync($"feedhub: {error.Message}").ConfigureAwait(false);
            }

            return BadArguments;
        }

        return await parsed.InvokeAsync().ConfigureAwait(false);
    }
}
