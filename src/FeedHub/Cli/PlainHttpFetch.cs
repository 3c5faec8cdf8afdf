using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using FeedHub.Fetching;

namespace FeedHub.Cli;

/// <summary>
/// A bare HTTP GET for `feedhub parse &lt;url&gt;` until the service's fetcher is wired in: no caching,
/// no retries, no address checks. The result type is the fetcher's, so the swap changes one line.
/// </summary>
internal static class PlainHttpFetch
{
    private static readonly HttpClient Client = CreateClient();

    public static async Task<FetchResult> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Client.GetAsync(url, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                return new FetchResult.Failed(FailureFor(response.StatusCode), $"HTTP {status} {response.ReasonPhrase}", status);
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (body.Length == 0)
            {
                return new FetchResult.Failed(FetchFailure.EmptyBody, "the server sent an empty body", status);
            }

            var validators = new CacheValidators(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"));
            return new FetchResult.Fetched(body, response.Content.Headers.ContentType?.ToString(), validators, response.RequestMessage?.RequestUri ?? url, status);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new FetchResult.Failed(FetchFailure.Timeout, $"no answer within {Client.Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            var failure = e.InnerException switch
            {
                AuthenticationException => FetchFailure.Tls,
                SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData } => FetchFailure.Dns,
                SocketException { SocketErrorCode: SocketError.ConnectionRefused } => FetchFailure.Refused,
                _ => FetchFailure.Network,
            };
            return new FetchResult.Failed(failure, e.Message);
        }
    }

    private static FetchFailure FailureFor(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => FetchFailure.Unauthorized,
        HttpStatusCode.NotFound => FetchFailure.NotFound,
        HttpStatusCode.Gone => FetchFailure.Gone,
        HttpStatusCode.TooManyRequests => FetchFailure.RateLimited,
        >= HttpStatusCode.InternalServerError => FetchFailure.ServerError,
        _ => FetchFailure.ClientError,
    };

    private static HttpClient CreateClient()
    {
        var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("FeedHub/0.1");
        return client;
    }
}
