using Microsoft.Extensions.Options;

namespace FeedHub.Sources;

/// <summary>A mistyped source fails start-up with the key to fix, not the first poll hours later.</summary>
internal sealed class SourcesOptionsValidator : IValidateOptions<SourcesOptions>
{
    public ValidateOptionsResult Validate(string? name, SourcesOptions options)
    {
        var errors = new List<string>();
        var urls = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Sources.Count; i++)
        {
            var source = options.Sources[i];
            var key = $"FeedHub:Sources:{i}";
            foreach (var (field, message) in SourceDefinitionValidator.Validate(source))
            {
                errors.Add($"{key}:{char.ToUpperInvariant(field[0])}{field[1..]} {message}");
            }

            if (SourceUrl.TryParse(source.Url, out var url) && !urls.Add(url.AbsoluteUri))
            {
                errors.Add($"{key}:Url '{url}' is declared twice.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
