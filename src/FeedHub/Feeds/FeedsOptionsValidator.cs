using Microsoft.Extensions.Options;

namespace FeedHub.Feeds;

/// <summary>A mistyped feed fails start-up with the key to fix, not a reader's 404 later.</summary>
internal sealed class FeedsOptionsValidator : IValidateOptions<FeedsOptions>
{
    public ValidateOptionsResult Validate(string? name, FeedsOptions options)
    {
        var errors = new List<string>();
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Feeds.Count; i++)
        {
            var feed = options.Feeds[i];
            var key = $"FeedHub:Feeds:{i}";
            foreach (var (field, message) in MergedFeedDeclarationValidator.Validate(feed))
            {
                errors.Add($"{key}:{char.ToUpperInvariant(field[0])}{field[1..]} {message}");
            }

            if (feed.Slug is { } slug && !slugs.Add(slug))
            {
                errors.Add($"{key}:Slug '{slug}' is declared twice.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
