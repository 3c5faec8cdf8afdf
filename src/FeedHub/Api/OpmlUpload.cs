using FeedHub.Fetching;
using FeedHub.Sources.Opml;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace FeedHub.Api;

/// <summary>
/// The OPML document of an import request: the body itself (what scripts send), or the <c>file</c>
/// field of a multipart form (what a browser form sends). Either way at most <see cref="OpmlLimits.MaxBytes"/>.
/// </summary>
internal static class OpmlUpload
{
    public const string FileField = "file";

    public static readonly string[] DocumentTypes = ["text/x-opml", "application/xml", "text/xml", "application/x-opml"];

    public const string FormType = "multipart/form-data";

    /// <returns>The document's bytes, or the problem that explains why there are none.</returns>
    public static async Task<(byte[]? Body, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > OpmlLimits.MaxBytes)
        {
            return (null, ApiProblems.UploadTooLarge(OpmlLimits.MaxBytes));
        }

        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        if (string.Equals(mediaType, FormType, StringComparison.OrdinalIgnoreCase))
        {
            return await ReadFormFileAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (mediaType is null || !DocumentTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return (null, ApiProblems.UnsupportedUpload(
                $"Content-Type '{request.ContentType}' is not accepted; send the OPML document as {string.Join(", ", DocumentTypes)}, or as the '{FileField}' field of {FormType}."));
        }

        return await ReadBoundedAsync(request.Body, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<(byte[]? Body, ProblemHttpResult? Problem)> ReadFormFileAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        if (form.Files.GetFile(FileField) is not { } file)
        {
            return (null, ApiProblems.BadRequest(FileField, "is missing: send the OPML document as a file field named 'file'.", "The upload has no file"));
        }

        if (file.Length > OpmlLimits.MaxBytes)
        {
            return (null, ApiProblems.UploadTooLarge(OpmlLimits.MaxBytes));
        }

        await using var stream = file.OpenReadStream();
        return await ReadBoundedAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<(byte[]? Body, ProblemHttpResult? Problem)> ReadBoundedAsync(Stream stream, CancellationToken cancellationToken) =>
        await BoundedBody.ReadAsync(stream, OpmlLimits.MaxBytes, cancellationToken).ConfigureAwait(false) is { } body
            ? (body, null)
            : (null, ApiProblems.UploadTooLarge(OpmlLimits.MaxBytes));
}
