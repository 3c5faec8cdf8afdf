using System.CommandLine;
using FeedHub.Hosting;

namespace FeedHub.Cli;

internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the service: API, reader feeds and worker (roles from FeedHub:Roles).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync([.. parseResult.UnmatchedTokens], cancellationToken));
        return command;
    }

    /// <summary>Unmatched tokens (--urls, --FeedHub:Roles=api, …) are ASP.NET Core configuration arguments.</summary>
    public static async Task<int> RunAsync(string[] hostArgs, CancellationToken cancellationToken)
    {
        await using var app = FeedHubHost.Build(hostArgs);
        await app.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await app.RunAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }
}
