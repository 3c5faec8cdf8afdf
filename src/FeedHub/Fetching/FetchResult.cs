namespace FeedHub.Fetching;

internal abstract record FetchResult
{
    private FetchResult() { }

    /// <param name="FinalUrl">Where the body came from after redirects.</param>
    public sealed record Fetched(byte[] Body, string? ContentType, CacheValidators Validators, Uri FinalUrl, int StatusCode) : FetchResult
    {
        public FetchAnswer Answer { get; init; } = FetchAnswer.Plain;
    }

    public sealed record NotModified(CacheValidators Validators) : FetchResult
    {
        public FetchAnswer Answer { get; init; } = FetchAnswer.Plain;
    }

    public sealed record Failed(FetchFailure Failure, string Detail, int? StatusCode = null, TimeSpan? RetryAfter = null) : FetchResult;
}

/// <summary>What a successful answer says besides its body: how long it stays fresh, and whether the feed has moved for good.</summary>
/// <param name="FreshFor">From Cache-Control max-age (less Age) or Expires: polling sooner would only get the same answer.</param>
/// <param name="MovedPermanentlyTo">Set when every redirect on the way was permanent (301 or 308): the feed's new address.</param>
internal sealed record FetchAnswer(TimeSpan? FreshFor, Uri? MovedPermanentlyTo)
{
    public static FetchAnswer Plain { get; } = new(null, null);
}
