using System.Reflection;
using System.Text.RegularExpressions;
using FeedHub.Api;
using FeedHub.Hosting;
using FeedHub.Scheduling;
using FeedHub.Storage;

namespace FeedHub.Tests.Deploy;

/// <summary>
/// Whether an environment variable of a deployment file is a setting FeedHub reads: its name, with "__" as ":"
/// and list indexes as N, is a property of the options class the service binds that section to. A misspelt
/// key in a compose file or a ConfigMap would otherwise be ignored without a word.
/// </summary>
internal static partial class FeedHubSettings
{
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        ["FeedHub:Database"] = typeof(DatabaseOptions),
        ["FeedHub:Bus"] = typeof(BusOptions),
        ["FeedHub:Scheduler"] = typeof(SchedulerOptions),
        ["FeedHub:ApiKeys:N"] = typeof(ApiKeyDefinition),
    };

    // Read directly from configuration, not through an options class.
    private static readonly HashSet<string> SingleKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "FeedHub:Roles",
        "ConnectionStrings:FeedHub",
        "FeedHub:Parsing:DefaultTimeZone",
    };

    public static string KeyOf(string environmentName) => ListIndex().Replace(environmentName.Replace("__", ":", StringComparison.Ordinal), "N");

    public static bool IsKnown(string environmentName)
    {
        var key = KeyOf(environmentName);
        if (SingleKeys.Contains(key))
        {
            return true;
        }

        foreach (var (section, type) in Sections)
        {
            if (key.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase))
            {
                return HasProperty(type, key[(section.Length + 1)..].Split(':'));
            }
        }

        return false;
    }

    private static bool HasProperty(Type type, string[] path)
    {
        foreach (var name in path)
        {
            var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || !property.CanWrite)
            {
                return false;
            }

            type = property.PropertyType;
        }

        return true;
    }

    [GeneratedRegex(@"(?<=:)\d+(?=:|$)")]
    private static partial Regex ListIndex();
}
