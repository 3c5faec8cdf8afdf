using System.Diagnostics;
using System.Text.Json;
using FeedHub.Sources.Opml;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace FeedHub.Api;

/// <summary>Operators' sources as OPML: export to any feed reader, import from one.</summary>
internal static class OpmlApi
{
    public const string NdjsonType = "application/x-ndjson";

    public static RouteGroupBuilder MapOpml(this IEndpointRouteBuilder app)
    {
        var opml = app.MapGroup("/api/opml").WithTags("OPML")
            .RequireAuthorization(ApiRoles.CanRead)
            .RequireRateLimiting(ApiRegistration.RateLimitPolicy);
        opml.MapGet("/", ExportAsync).WithName("ExportOpml")
            .WithSummary("Export the sources as OPML 2.0")
            .WithDescription("Every source that is not archived, as an OPML 2.0 attachment; tags become folders, and a source with several tags is listed in each.")
            .Produces<string>(StatusCodes.Status200OK, "text/x-opml");
        opml.MapPost("/", ImportAsync).RequireAuthorization(ApiRoles.CanWrite).WithName("ImportOpml")
            .WithSummary("Import sources from an OPML file")
            .WithDescription(
                "The body is the OPML document (text/x-opml, application/xml, text/xml), or a multipart/form-data form with the document in the field 'file'. " +
                "Each feed outline becomes a source with the default interval; its enclosing folders and its category attribute become tags. " +
                "Feeds already polled, or listed twice in the file, are reported as duplicates; outlines that cannot be sources are reported as invalid. " +
                "With 'Accept: application/x-ndjson' the answer streams one {\"processed\",\"total\"} line per batch of about 100 outlines, then {\"done\":true, …the result}.")
            .AddOpenApiOperationTransformer(OpmlOpenApi.DescribeUpload)
            .Produces<OpmlImportResult>(StatusCodes.Status200OK, "application/json", NdjsonType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return opml;
    }

    private static async Task<IResult> ExportAsync(HttpContext context, OpmlExporter exporter, CancellationToken cancellationToken)
    {
        var document = await exporter.ExportAsync(cancellationToken).ConfigureAwait(false);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{OpmlWriter.FileName}\"";
        return TypedResults.Bytes(document, OpmlWriter.ContentType);
    }

    private static async Task<IResult> ImportAsync(HttpContext context, OpmlImporter importer, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var (body, problem) = await OpmlUpload.ReadAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        IReadOnlyList<OpmlFeed> feeds;
        switch (OpmlReader.Read(body!))
        {
            case OpmlReadResult.Read read:
                feeds = read.Feeds;
                break;
            case OpmlReadResult.Rejected rejected:
                return ApiProblems.NotOpml(rejected.Reason);
            default:
                throw new UnreachableException();
        }

        if (!WantsProgress(context.Request))
        {
            return TypedResults.Ok(await importer.ImportAsync(feeds, onProgress: null, cancellationToken).ConfigureAwait(false));
        }

        await StreamImportAsync(context.Response, importer, feeds, json.Value.SerializerOptions, cancellationToken).ConfigureAwait(false);
        return TypedResults.Empty;
    }

    private static bool WantsProgress(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => string.Equals(a.MediaType.Value, NdjsonType, StringComparison.OrdinalIgnoreCase));

    /// <summary>One JSON line per batch, flushed at once, so a large import shows it is moving; the last line is the result.</summary>
    private static async Task StreamImportAsync(
        HttpResponse response, OpmlImporter importer, IReadOnlyList<OpmlFeed> feeds, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = NdjsonType;
        var result = await importer.ImportAsync(
            feeds, (progress, ct) => WriteLineAsync(response, progress, options, ct), cancellationToken).ConfigureAwait(false);
        await WriteLineAsync(response, new OpmlImportDone(true, result.Total, result.Added, result.Duplicates, result.Invalid), options, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteLineAsync<T>(HttpResponse response, T line, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        await JsonSerializer.SerializeAsync(response.Body, line, options, cancellationToken).ConfigureAwait(false);
        await response.Body.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The last line of a streamed import: the result, marked as the end.</summary>
    private sealed record OpmlImportDone(bool Done, int Total, int Added, IReadOnlyList<OpmlDuplicate> Duplicates, IReadOnlyList<OpmlInvalid> Invalid);
}
