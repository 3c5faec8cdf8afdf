using FeedHub.Contracts;
using FeedHub.Fetching;
using FeedHub.Fetching.Politeness;
using FeedHub.Normalizing;
using FeedHub.Sources;
using Microsoft.Extensions.Options;

namespace FeedHub.Extracting;

/// <summary>
/// For a full-content source, fetches the article page of each item about to be stored and puts the extracted
/// article in the item's content. A page that cannot be read costs only its full text: the item keeps the feed's
/// own content, and nothing here fails the poll.
/// </summary>
internal sealed partial class FullContentFetcher(
    PoliteFetcher fetcher,
    ArticleExtractor extractor,
    SourceTimeZones zones,
    IOptions<FullContentOptions> options,
    ILogger<FullContentFetcher> logger)
{
    private const string HostBusy = "HostBusy";

    /// <param name="unsaved">Keys of the items the store will write; only those are worth a request.</param>
    /// <returns>The items in their order, those whose page was read carrying its article.</returns>
    public async Task<IReadOnlyList<NormalizedItem>> CompleteAsync(
        Source source, IReadOnlyList<NormalizedItem> items, IReadOnlySet<string> unsaved, CancellationToken cancellationToken)
    {
        var wanted = items.Where(i => i.Link is not null && unsaved.Contains(i.Key)).DistinctBy(i => i.Key).ToList();
        var limit = options.Value.MaxPagesPerPoll;
        if (wanted.Count > limit)
        {
            LogCapped(logger, source.Name, source.Id, wanted.Count, limit);
        }

        var read = await ReadPagesAsync(source, wanted.Take(limit), cancellationToken).ConfigureAwait(false);
        return read.Count == 0 ? items : [.. items.Select(i => read.TryGetValue(i.Key, out var article) ? WithArticle(i, article) : i)];
    }

    private async Task<Dictionary<string, ExtractedArticle>> ReadPagesAsync(Source source, IEnumerable<NormalizedItem> items, CancellationToken cancellationToken)
    {
        var page = new PageContext(source, source.Extraction?.ToRules(), zones.For(source));
        var busyHosts = new HashSet<string>(StringComparer.Ordinal);
        var read = new Dictionary<string, ExtractedArticle>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            // Items already read are kept; the store itself gives up on a cancelled poll.
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var link = item.Link!;
            var host = HostGate.HostOf(link);

            // Once a host has no turn for one page, waiting again for each of its other pages would only stall the poll.
            var outcome = busyHosts.Contains(host)
                ? PageRead.Failed(HostBusy, $"{host} had no free turn earlier in this poll")
                : await ReadPageAsync(page, link, cancellationToken).ConfigureAwait(false);
            if (outcome.Article is { } article)
            {
                read[item.Key] = article;
                continue;
            }

            if (outcome.Failure == HostBusy)
            {
                busyHosts.Add(host);
            }

            LogPageFailed(logger, source.Name, source.Id, link.AbsoluteUri, outcome.Failure, outcome.Detail);
        }

        return read;
    }

    private async Task<PageRead> ReadPageAsync(PageContext page, Uri link, CancellationToken cancellationToken)
    {
        var result = await fetcher.FetchAsync(PageRequest(page.Source, link), options.Value.HostWaitLimit, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            null => PageRead.Failed(HostBusy, $"{HostGate.HostOf(link)} had no free turn within {options.Value.HostWaitLimit}"),
            FetchResult.Failed failed => PageRead.Failed(failed.Failure.ToString(), failed.Detail),
            FetchResult.NotModified => PageRead.Failed("NotModified", "the server answered 304 to an unconditional request"),
            FetchResult.Fetched fetched when !IsHtml(fetched.ContentType) => PageRead.Failed("NotHtml", $"the page is {fetched.ContentType}"),
            FetchResult.Fetched fetched => Extract(page, fetched),
            _ => throw new System.Diagnostics.UnreachableException(),
        };
    }

    private PageRead Extract(PageContext page, FetchResult.Fetched fetched)
    {
        ExtractedArticle article;
        try
        {
            article = extractor.Extract(fetched.Body, fetched.ContentType, fetched.FinalUrl, page.Rules, page.Zone);
        }
        catch (Exception ex)
        {
            // A page is any third party's HTML: an extractor bug on one page costs that page's full text, not the poll's items.
            return PageRead.Failed("ExtractorError", $"{ex.GetType().Name}: {ex.Message}");
        }

        return article.Paragraphs.Count == 0 || string.IsNullOrWhiteSpace(article.Html)
            ? PageRead.Failed("NoArticle", "the extractor found no article text on the page")
            : new PageRead(article, string.Empty, string.Empty);
    }

    /// <summary>
    /// The source's headers and credentials are for its own origin: an article on another site (a CDN, a partner)
    /// is fetched without them, as a redirect elsewhere is.
    /// </summary>
    private static FetchRequest PageRequest(Source source, Uri link)
    {
        var feed = source.FetchRequest();
        return SameOrigin(feed.Url, link)
            ? feed with { Url = link, Validators = CacheValidators.None }
            : new FetchRequest(link, CacheValidators.None);
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) == 0;

    /// <summary>An unlabelled page is given the benefit of the doubt; one labelled as something else is not an article.</summary>
    private static bool IsHtml(string? contentType) =>
        contentType is null
        || contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("application/xhtml+xml", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Only the content, and what the feed left out, come from the page. The content hash stays the feed's, so the
    /// next poll of the same feed item finds it unchanged and leaves the full text alone.
    /// </summary>
    private static NormalizedItem WithArticle(NormalizedItem item, ExtractedArticle article) => item with
    {
        Content = article.Html,
        Published = item.Published ?? article.Published,
        Authors = item.Authors.Count > 0 || string.IsNullOrWhiteSpace(article.Author) ? item.Authors : [new FeedAuthor(article.Author)],
    };

    private sealed record PageContext(Source Source, ExtractionRules? Rules, TimeZoneInfo Zone);

    private sealed record PageRead(ExtractedArticle? Article, string Failure, string Detail)
    {
        public static PageRead Failed(string failure, string detail) => new(null, failure, detail);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article page {Url} of {SourceName} ({SourceId}) not read, the item keeps the feed's content: {Failure}: {Detail}")]
    private static partial void LogPageFailed(ILogger logger, string sourceName, Guid sourceId, string url, string failure, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll of {SourceName} ({SourceId}) has {Wanted} article pages to read; {Limit} are read, the rest keep the feed's content")]
    private static partial void LogCapped(ILogger logger, string sourceName, Guid sourceId, int wanted, int limit);
}
