namespace FeedHub.Hosting;

/// <summary>What a process does, from <c>FeedHub:Roles</c>: serve the API and feeds, poll and publish, or both.</summary>
[Flags]
internal enum FeedHubRoles
{
    None = 0,
    Api = 1,
    Worker = 2,
}

internal static class FeedHubRolesParser
{
    public static FeedHubRoles Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return FeedHubRoles.Api | FeedHubRoles.Worker;
        }

        var roles = FeedHubRoles.None;
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            roles |= part.ToUpperInvariant() switch
            {
                "API" => FeedHubRoles.Api,
                "WORKER" => FeedHubRoles.Worker,
                _ => throw new InvalidOperationException($"FeedHub:Roles has unknown role '{part}'; use api, worker, or api,worker."),
            };
        }

        return roles;
    }
}
