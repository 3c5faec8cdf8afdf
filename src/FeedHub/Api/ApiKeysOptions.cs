using Microsoft.Extensions.Options;

namespace FeedHub.Api;

/// <summary>The operator keys, <c>FeedHub:ApiKeys</c>.</summary>
internal sealed class ApiKeysOptions
{
    public List<ApiKeyDefinition> Keys { get; set; } = [];

    /// <summary>The configured key a presented secret belongs to, or null.</summary>
    public ApiKeyDefinition? Find(string presented) =>
        presented.Length == 0 ? null : Keys.FirstOrDefault(k => k.Hash is not null && ApiKeyHash.Matches(presented, k.Hash));
}

internal sealed class ApiKeysOptionsValidator : IValidateOptions<ApiKeysOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeysOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            if (!ApiKeyHash.IsWellFormed(key.Hash))
            {
                errors.Add($"FeedHub:ApiKeys:{i}:Hash must be 'sha256:' and 64 lowercase hex digits (feedhub keys create prints one).");
            }

            if (!ApiRoles.IsKnown(key.Role))
            {
                errors.Add($"FeedHub:ApiKeys:{i}:Role must be {ApiRoles.Operator} or {ApiRoles.ReadOnly} (got '{key.Role}').");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
