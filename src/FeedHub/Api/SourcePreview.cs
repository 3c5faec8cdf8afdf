using FeedHub.Fetching;
using FeedHub.Normalizing;
using FeedHub.Parsing;
using FeedHub.Parsing.Listing;
using FeedHub.Sources;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FeedHub.Api;

/// <summary>How a URL would parse, through the same fetch, parse and normalize stages as a poll, storing nothing.</summary>
internal static class SourcePreview
{
    private const int ItemsShown = 5;

    public static async Task<Results<Ok<PreviewResponse>, ProblemHttpResult>> PreviewAsync(
        PreviewRequest body,
        FeedFetcher fetcher,
        FeedParser parser,
        HtmlListingReader listings,
        ItemNormalizer normalizer,
        SourceTimeZones zones,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (PreviewTarget.Check(new SourceDefinition { Url = body.Url, TimeZone = body.TimeZone, Listing = body.Listing }, zones, out var problem) is not { } target)
        {
            return problem!;
        }

        var (url, zone) = target;
        var listing = body.Listing?.Cleaned();
        Func<byte[], ParseContext, FeedParseResult> read = listing is null
            ? parser.Parse
            : (bytes, context) => listings.Read(bytes, context.ContentType, listing.ToSelectors(), context);
        return await fetcher.FetchAsync(new FetchRequest(url, CacheValidators.None), cancellationToken).ConfigureAwait(false) switch
        {
            FetchResult.Fetched fetched => TypedResults.Ok(Parse(url, fetched, zone, read, normalizer, time)),
            FetchResult.Failed failed => TypedResults.Ok(Failed(url, $"{failed.Failure}: {failed.Detail}")),
            _ => TypedResults.Ok(Failed(url, "the server answered 304 Not Modified to an unconditional request")),
        };
    }

    private static PreviewResponse Parse(
        Uri url, FetchResult.Fetched fetched, TimeZoneInfo zone, Func<byte[], ParseContext, FeedParseResult> read, ItemNormalizer normalizer, TimeProvider time)
    {
        var context = new ParseContext(fetched.FinalUrl, zone, time.GetUtcNow(), fetched.ContentType);
        switch (read(fetched.Body, context))
        {
            case FeedParseResult.Parsed parsed:
                var feed = normalizer.Normalize(parsed.Feed, fetched.FinalUrl);
                return new PreviewResponse(
                    url.AbsoluteUri, feed.Format.ToContractName(), feed.Title, feed.Link?.AbsoluteUri, feed.Items.Count,
                    [.. feed.Items.Take(ItemsShown).Select(i => new PreviewItem(i.Title, i.Link?.AbsoluteUri, i.Published))],
                    feed.Warnings, null);
            case FeedParseResult.Rejected rejected:
                return new PreviewResponse(url.AbsoluteUri, rejected.Format.ToContractName(), null, null, 0, [], [], rejected.Explained);
            default:
                throw new InvalidOperationException("Unexpected parse result.");
        }
    }

    private static PreviewResponse Failed(Uri url, string error) => new(url.AbsoluteUri, "unknown", null, null, 0, [], [], error);
}
