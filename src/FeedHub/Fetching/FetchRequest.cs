namespace FeedHub.Fetching;

internal sealed record FetchRequest(Uri Url, CacheValidators Validators);
