namespace FeedHub.Fetching;

internal enum FetchFailure
{
    Timeout,
    Dns,
    Network,
    Tls,
    Refused,
    Unauthorized,
    NotFound,
    Gone,
    RateLimited,
    ClientError,
    ServerError,
    TooLarge,
    EmptyBody,
    TooManyRedirects,
}
