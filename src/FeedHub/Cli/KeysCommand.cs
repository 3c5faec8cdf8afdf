using System.CommandLine;
using FeedHub.Api;

namespace FeedHub.Cli;

/// <summary>`feedhub keys create`: makes an operator key, shown once; only its hash goes into configuration.</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "Who or what the key is for.", DefaultValueFactory = _ => "operator" };
        var role = new Option<string>("--role") { Description = "Operator (may change) or ReadOnly.", DefaultValueFactory = _ => ApiRoles.Operator };
        role.AcceptOnlyFromAmong(ApiRoles.Operator, ApiRoles.ReadOnly);
        var create = new Command("create", "Create an API key and print it once, with the configuration to add.") { name, role };
        create.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var key = ApiKeyHash.NewKey();
            var hash = ApiKeyHash.Of(key);
            output.WriteLine($"API key (shown once; store it now): {key}");
            output.WriteLine();
            output.WriteLine("Add to configuration (appsettings.json, FeedHub:ApiKeys), N being the next free index:");
            output.WriteLine($"  FeedHub__ApiKeys__N__Name={parseResult.GetValue(name)}");
            output.WriteLine($"  FeedHub__ApiKeys__N__Hash={hash}");
            output.WriteLine($"  FeedHub__ApiKeys__N__Role={parseResult.GetValue(role)}");
            return 0;
        });
        return new Command("keys", "Manage operator API keys.") { create };
    }
}
