namespace FeedHub.Api;

/// <summary>An operator key as configured under <c>FeedHub:ApiKeys:N</c>; the key itself is never stored.</summary>
internal sealed class ApiKeyDefinition
{
    public string? Name { get; set; }

    /// <summary><c>sha256:</c> and the lowercase hex SHA-256 of the key's UTF-8 bytes.</summary>
    public string? Hash { get; set; }

    public string? Role { get; set; }
}
