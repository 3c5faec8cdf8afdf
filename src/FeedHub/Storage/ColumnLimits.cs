using System.Diagnostics.CodeAnalysis;

namespace FeedHub.Storage;

/// <summary>
/// Column sizes, said once for the model and for the code that fills it. SQLite ignores them, but
/// PostgreSQL and SQL Server reject a whole save over one value that is too long, which would lose
/// every item of a poll to one outlet's oversized title.
/// </summary>
internal static class ColumnLimits
{
    public const int Url = 2048;
    public const int Title = 2000;
    public const int SourceName = 300;
    public const int Outlet = 300;
    public const int FeedTitle = 500;
    public const int ETag = 500;
    public const int LastModified = 100;
    public const int Error = 2000;
    public const int Language = 35;
    public const int Slug = 100;
    public const int NextPollReason = 200;

    /// <summary>A DNS name is at most 253 characters; with ":port" it fits in 260.</summary>
    public const int Host = 260;

    /// <summary>Text is shortened to fit; the start of a title still says what it is.</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static string? Shorten(string? value, int max) => value is null || value.Length <= max ? value : value[..max];

    /// <summary>An identifier (URL, ETag) cut short would be wrong, so one that does not fit is dropped.</summary>
    public static string? DropIfLonger(string? value, int max) => value is { Length: var length } && length > max ? null : value;
}
