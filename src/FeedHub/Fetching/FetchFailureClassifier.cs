using System.Net;

namespace FeedHub.Fetching;

/// <summary>Turns what went wrong into a failure class and one line an operator can act on.</summary>
internal static class FetchFailureClassifier
{
    public static FetchResult.Failed ForStatus(HttpResponseMessage response, TimeSpan? retryAfter)
    {
        var status = (int)response.StatusCode;
        var detail = $"HTTP {status} {response.ReasonPhrase}".TrimEnd();
        var failure = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => FetchFailure.Unauthorized,
            HttpStatusCode.NotFound => FetchFailure.NotFound,
            HttpStatusCode.Gone => FetchFailure.Gone,
            HttpStatusCode.TooManyRequests => FetchFailure.RateLimited,
            >= HttpStatusCode.MultipleChoices and < HttpStatusCode.BadRequest => FetchFailure.TooManyRedirects,
            >= HttpStatusCode.InternalServerError => FetchFailure.ServerError,
            _ => FetchFailure.ClientError,
        };

        if (failure == FetchFailure.TooManyRedirects)
        {
            detail = $"{detail}: redirect limit reached or redirect without a usable Location";
        }

        var keepsRetryAfter = failure is FetchFailure.RateLimited || response.StatusCode == HttpStatusCode.ServiceUnavailable;
        return new FetchResult.Failed(failure, detail, status, keepsRetryAfter ? retryAfter : null);
    }

    public static FetchResult.Failed Classify(HttpRequestException exception, Uri url)
    {
        if (FindInner<NetworkRefusedException>(exception) is { } refused)
        {
            return new FetchResult.Failed(FetchFailure.Refused, refused.Message);
        }

        var reason = Innermost(exception).Message;
        return exception.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => new(FetchFailure.Dns, $"DNS lookup failed for {url.Host}"),
            HttpRequestError.SecureConnectionError => new(FetchFailure.Tls, $"TLS handshake with {url.Host} failed: {reason}"),
            HttpRequestError.ConnectionError => new(FetchFailure.Network, $"could not connect to {url.Host}:{url.Port}: {reason}"),
            _ => new(FetchFailure.Network, $"request to {url.Host} failed: {reason}"),
        };
    }

    private static T? FindInner<T>(Exception exception)
        where T : Exception
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is T match)
            {
                return match;
            }
        }

        return null;
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is { } inner)
        {
            exception = inner;
        }

        return exception;
    }
}
