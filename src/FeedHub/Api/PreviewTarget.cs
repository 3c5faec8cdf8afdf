using FeedHub.Sources;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FeedHub.Api;

/// <summary>
/// What a preview reads, checked exactly as a saved source would be: a preview must refuse what saving would
/// refuse, or an operator tries selectors the source then rejects.
/// </summary>
internal sealed record PreviewTarget(Uri Url, TimeZoneInfo Zone)
{
    public static PreviewTarget? Check(SourceDefinition asSource, SourceTimeZones zones, out ProblemHttpResult? problem)
    {
        var errors = SourceDefinitionValidator.Validate(asSource);
        if (errors.Count > 0 || !SourceUrl.TryParse(asSource.Url, out var url))
        {
            problem = ApiProblems.Invalid(errors);
            return null;
        }

        problem = null;
        return new PreviewTarget(
            url, string.IsNullOrWhiteSpace(asSource.TimeZone) || !SourceTimeZones.TryFind(asSource.TimeZone.Trim(), out var zone) ? zones.Default : zone);
    }
}
