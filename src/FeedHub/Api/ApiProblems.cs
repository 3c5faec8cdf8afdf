using FeedHub.Sources;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FeedHub.Api;

/// <summary>Every API error is problem+json with a message a person can act on, naming the field when there is one.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult Invalid(IReadOnlyList<(string Field, string Message)> errors, string title = "The source is not valid") =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors
            .GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => $"{g.Key} {e.Message}").ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = title,
            Detail = string.Join(" ", errors.Select(e => $"{e.Field} {e.Message}")),
        });

    public static ProblemHttpResult BadRequest(string field, string message, string title = "The source is not valid") => Invalid([(field, message)], title);

    public static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such source", detail: $"There is no source {id}.");

    public static ProblemHttpResult Duplicate(Source existing) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "That feed is already a source",
            detail: $"{existing.Url} is already polled as '{existing.Name}' ({existing.Id}).",
            extensions: new Dictionary<string, object?> { ["existingId"] = existing.Id });

    public static ProblemHttpResult DeclaredInConfiguration(Source source) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "This source is declared in configuration",
            detail: $"'{source.Name}' comes from FeedHub:Sources; change it there, or the next start would undo the change.");

    public static ProblemHttpResult NotOpml(string reason) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The upload is not OPML", detail: $"The upload is not OPML: {reason}.");

    public static ProblemHttpResult UploadTooLarge(long maxBytes) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "The upload is too large",
            detail: $"OPML uploads are limited to {maxBytes / (1024 * 1024)} MB; split the file and import the parts.");

    public static ProblemHttpResult UnsupportedUpload(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send an OPML document", detail: detail);

    public static ProblemHttpResult FeedNotFound(string slug) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such merged feed", detail: $"There is no merged feed '{slug}'; GET /api/feeds lists them.");

    public static ProblemHttpResult FeedDuplicate(string slug) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "That slug is taken",
            detail: $"A merged feed '{slug}' already exists; change it with PUT /api/feeds/{slug}, or choose another slug.");

    public static ProblemHttpResult FeedDeclaredInConfiguration(string slug) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "This feed is declared in configuration",
            detail: slug == Feeds.MergedFeedDefinitions.AllSlug
                ? "'all' always exists; redefine its title or filters under FeedHub:Feeds in configuration."
                : $"'{slug}' comes from FeedHub:Feeds; change it there, or the next start would undo the change.");
}
