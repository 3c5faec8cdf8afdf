namespace FeedHub.Fetching;

internal abstract record FetchResult
{
    private FetchResult() { }

    /// <param name="FinalUrl">Where the body came from after redirects.</param>
    public sealed record Fetched(byte[] Body, string? ContentType, CacheValidators Validators, Uri FinalUrl, int StatusCode) : FetchResult;

    public sealed record NotModified(CacheValidators Validators) : FetchResult;

    public sealed record Failed(FetchFailure Failure, string Detail, int? StatusCode = null, TimeSpan? RetryAfter = null) : FetchResult;
}
