using FeedHub.Extracting;
using FeedHub.Fetching;
using FeedHub.Sources;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FeedHub.Api;

/// <summary>
/// What a full-content source would keep of one article page, with the per-site rules being tried: the same
/// fetch and extractor as the service, storing nothing.
/// </summary>
internal static class ExtractionPreview
{
    public static async Task<Results<Ok<ExtractionPreviewResponse>, ProblemHttpResult>> PreviewAsync(
        ExtractionPreviewRequest body, FeedFetcher fetcher, ArticleExtractor extractor, SourceTimeZones zones, CancellationToken cancellationToken)
    {
        if (PreviewTarget.Check(new SourceDefinition { Url = body.Url, TimeZone = body.TimeZone, Extraction = body.Extraction }, zones, out var problem) is not { } target)
        {
            return problem!;
        }

        var (url, zone) = target;
        var rules = body.Extraction?.Cleaned()?.ToRules();
        return await fetcher.FetchAsync(new FetchRequest(url, CacheValidators.None), cancellationToken).ConfigureAwait(false) switch
        {
            FetchResult.Fetched fetched => TypedResults.Ok(ExtractionPreviewResponse.From(
                url, extractor.Extract(fetched.Body, fetched.ContentType, fetched.FinalUrl, rules, zone))),
            FetchResult.Failed failed => TypedResults.Ok(new ExtractionPreviewResponse(url.AbsoluteUri, null, null, null, null, null, null, $"{failed.Failure}: {failed.Detail}")),
            _ => TypedResults.Ok(new ExtractionPreviewResponse(url.AbsoluteUri, null, null, null, null, null, null, "the server answered 304 Not Modified to an unconditional request")),
        };
    }
}

internal sealed record ExtractionPreviewRequest(string? Url, string? TimeZone, SourceExtraction? Extraction = null);

/// <summary>The article as <c>feedhub extract --json</c> gives it, or the error that kept it from being read.</summary>
internal sealed record ExtractionPreviewResponse(
    string Url, string? Title, string? Author, DateTimeOffset? Published, string? Text, string? Html, string? Language, string? Error)
{
    public static ExtractionPreviewResponse From(Uri url, ExtractedArticle article) =>
        new(url.AbsoluteUri, article.Title, article.Author, article.Published, article.Text, article.Html, article.Language, null);
}
