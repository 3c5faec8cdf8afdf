namespace FeedHub.Api;

internal static class ApiRoles
{
    public const string Operator = "Operator";
    public const string ReadOnly = "ReadOnly";

    /// <summary>Policy: any valid key may read.</summary>
    public const string CanRead = "feedhub-read";

    /// <summary>Policy: only Operator keys may change anything.</summary>
    public const string CanWrite = "feedhub-write";

    public static bool IsKnown(string? role) => role is Operator or ReadOnly;
}
