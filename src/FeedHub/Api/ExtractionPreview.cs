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
        if (!SourceUrl.TryParse(body.Url, out var url))
        {
            return ApiProblems.BadRequest("url", $"must be an absolute http or https URL (got '{body.Url}').");
        }

        var zone = zones.Default;
        if (!string.IsNullOrWhiteSpace(body.TimeZone) && !SourceTimeZones.TryFind(body.TimeZone, out zone))
        {
            return ApiProblems.BadRequest("timeZone", $"'{body.TimeZone}' is not a known IANA time zone.");
        }

        var rules = body.Extraction?.Cleaned();
        if (rules?.Keep.Concat(rules.Remove).Select(s => (s, Error: Parsing.Listing.ListingSelectors.SelectorError(s))).FirstOrDefault(r => r.Error is not null) is ({ } bad, { } error))
        {
            return ApiProblems.BadRequest("extraction", $"\"{bad}\" is not a valid CSS selector: {error}.");
        }

        return await fetcher.FetchAsync(new FetchRequest(url, CacheValidators.None), cancellationToken).ConfigureAwait(false) switch
        {
            FetchResult.Fetched fetched => TypedResults.Ok(ExtractionPreviewResponse.From(
                url, extractor.Extract(fetched.Body, fetched.ContentType, fetched.FinalUrl, ToRules(rules), zone))),
            FetchResult.Failed failed => TypedResults.Ok(new ExtractionPreviewResponse(url.AbsoluteUri, null, null, null, null, null, null, $"{failed.Failure}: {failed.Detail}")),
            _ => TypedResults.Ok(new ExtractionPreviewResponse(url.AbsoluteUri, null, null, null, null, null, null, "the server answered 304 Not Modified to an unconditional request")),
        };
    }

    private static ExtractionRules? ToRules(SourceExtraction? rules) =>
        rules is null ? null : new ExtractionRules { Keep = rules.Keep, Remove = rules.Remove };
}

internal sealed record ExtractionPreviewRequest(string? Url, string? TimeZone, SourceExtraction? Extraction = null);

/// <summary>The article as <c>feedhub extract --json</c> gives it, or the error that kept it from being read.</summary>
internal sealed record ExtractionPreviewResponse(
    string Url, string? Title, string? Author, DateTimeOffset? Published, string? Text, string? Html, string? Language, string? Error)
{
    public static ExtractionPreviewResponse From(Uri url, ExtractedArticle article) =>
        new(url.AbsoluteUri, article.Title, article.Author, article.Published, article.Text, article.Html, article.Language, null);
}
