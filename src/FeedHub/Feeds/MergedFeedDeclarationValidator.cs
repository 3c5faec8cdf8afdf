using FeedHub.Sources;
using FeedHub.Storage;

namespace FeedHub.Feeds;

/// <summary>
/// What makes a merged feed declaration valid, said once for configuration and API alike. Each error
/// names the field (<c>slug</c>, <c>title</c>, <c>limit</c>, …) so the caller can point at it.
/// </summary>
internal static class MergedFeedDeclarationValidator
{
    public const int MaxLimit = 500;
    private const int MaxKeywordLength = 200;

    public static IReadOnlyList<(string Field, string Message)> Validate(MergedFeedDeclaration feed)
    {
        var errors = new List<(string, string)>();
        if (!IsSlug(feed.Slug))
        {
            errors.Add(("slug", $"must be 1 to {ColumnLimits.Slug} lowercase letters, digits or '-' (got '{feed.Slug}')."));
        }

        if (feed.Title?.Trim().Length > ColumnLimits.FeedTitle)
        {
            errors.Add(("title", $"must be at most {ColumnLimits.FeedTitle} characters."));
        }

        if (feed.Description?.Trim().Length > ColumnLimits.Error)
        {
            errors.Add(("description", $"must be at most {ColumnLimits.Error} characters."));
        }

        if (feed.Limit is { } limit && limit is < 1 or > MaxLimit)
        {
            errors.Add(("limit", $"must be between 1 and {MaxLimit} items per page (got {limit})."));
        }

        if (!string.IsNullOrWhiteSpace(feed.Language) && !SourceDefinitionValidator.IsLanguageTag(feed.Language.Trim()))
        {
            errors.Add(("language", $"'{feed.Language}' is not a language tag such as 'vi' or 'en-US'."));
        }

        AddKeywordErrors(errors, "include", feed.Include);
        AddKeywordErrors(errors, "exclude", feed.Exclude);
        AddKeywordErrors(errors, "categories", feed.Categories);
        AddKeywordErrors(errors, "tags", feed.Tags);
        if (feed.SourceIds is null)
        {
            errors.Add(("sourceIds", "must be a list (use [] for none)."));
        }

        AddTokenErrors(errors, feed);
        return errors;
    }

    public static bool IsSlug(string? slug) =>
        slug is { Length: > 0 and <= ColumnLimits.Slug } && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static void AddKeywordErrors(List<(string, string)> errors, string field, List<string>? words)
    {
        if (words is null)
        {
            errors.Add((field, "must be a list (use [] for none)."));
            return;
        }

        foreach (var word in words.Where(w => w?.Trim().Length > MaxKeywordLength))
        {
            errors.Add((field, $"entries must be at most {MaxKeywordLength} characters ('{word[..20]}…' is longer)."));
        }
    }

    private static void AddTokenErrors(List<(string, string)> errors, MergedFeedDeclaration feed)
    {
        if (string.IsNullOrWhiteSpace(feed.Token))
        {
            return;
        }

        if (!feed.Private)
        {
            errors.Add(("token", "is only for private feeds; set private to true, or leave the token out."));
        }
        else if (!FeedToken.IsWellFormed(feed.Token.Trim()))
        {
            errors.Add(("token", $"must be {FeedToken.MinLength} to {FeedToken.MaxLength} letters, digits, '-', '_', '.' or '~'; leave it out to have one generated."));
        }
    }
}
