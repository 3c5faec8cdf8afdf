using System.Net;
using Microsoft.Extensions.Options;

namespace FeedHub.Fetching;

/// <summary>
/// One conditional GET of a feed. Every expected outcome — unchanged, fetched, or any way the request
/// can fail — comes back as a <see cref="FetchResult"/>; only the caller's own cancellation throws.
/// </summary>
internal sealed class FeedFetcher(IHttpClientFactory clients, IOptions<FetchingOptions> options, TimeProvider time)
{
    public const string ClientName = "feeds";
    private const string Accept = "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8";

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limits.Timeout);
        var trail = new RedirectTrail(request.Url, limits.MaxRedirects);
        try
        {
            var client = clients.CreateClient(ClientName);
            while (true)
            {
                using var message = BuildRequest(request, trail);
                using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                if (!RedirectTrail.IsRedirect(response.StatusCode))
                {
                    return await ReadAsync(response, request, trail, limits.MaxBodyBytes, timeout.Token).ConfigureAwait(false);
                }

                if (trail.Follow(response) is { } refusal)
                {
                    return new FetchResult.Failed(FetchFailure.TooManyRedirects, refusal, (int)response.StatusCode);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new FetchResult.Failed(FetchFailure.Timeout, $"no complete answer from {trail.Current.Host} within {limits.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            return FetchFailureClassifier.Classify(ex, trail.Current);
        }
        catch (IOException ex)
        {
            return new FetchResult.Failed(FetchFailure.Network, $"connection to {trail.Current.Host} broke while reading: {ex.Message}");
        }
    }

    private static HttpRequestMessage BuildRequest(FetchRequest request, RedirectTrail trail)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, trail.Current);
        message.Headers.TryAddWithoutValidation("Accept", Accept);

        // The operator's headers and credentials are for the feed's own origin; a redirect elsewhere must not carry them.
        if (trail.OnStartOrigin)
        {
            foreach (var (name, value) in request.Headers ?? new Dictionary<string, string>())
            {
                message.Headers.Remove(name);
                message.Headers.TryAddWithoutValidation(name, value);
            }

            if (request.Credentials is { } credentials)
            {
                message.Headers.Remove("Authorization");
                message.Headers.TryAddWithoutValidation("Authorization", credentials.HeaderValue);
            }
        }

        // Echo validators verbatim: servers compare them as strings, and some send malformed ones.
        if (request.Validators.ETag is { Length: > 0 } etag)
        {
            message.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (request.Validators.LastModified is { Length: > 0 } lastModified)
        {
            message.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }

        return message;
    }

    private async Task<FetchResult> ReadAsync(HttpResponseMessage response, FetchRequest request, RedirectTrail trail, long maxBytes, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var answer = new FetchAnswer(FreshFor(response), trail.MovedPermanentlyTo);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            var validators = ValidatorsOf(response);
            return new FetchResult.NotModified(validators.ETag is null && validators.LastModified is null ? request.Validators : validators) { Answer = answer };
        }

        if (!response.IsSuccessStatusCode)
        {
            return FetchFailureClassifier.ForStatus(response, RetryAfter(response));
        }

        if (response.Content.Headers.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes, $"announces {response.Content.Headers.ContentLength} bytes");
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var body = await BoundedBody.ReadAsync(stream, maxBytes, cancellationToken).ConfigureAwait(false);
            if (body is null)
            {
                return TooLarge(maxBytes, "sent more");
            }

            if (body.Length == 0)
            {
                return new FetchResult.Failed(FetchFailure.EmptyBody, $"HTTP {status} with an empty body", status);
            }

            return new FetchResult.Fetched(body, response.Content.Headers.ContentType?.ToString(), ValidatorsOf(response), trail.Current, status) { Answer = answer };
        }
    }

    private static FetchResult.Failed TooLarge(long maxBytes, string what) =>
        new(FetchFailure.TooLarge, $"body exceeds the {maxBytes / 1024.0 / 1024.0:0.#} MiB limit (the server {what})");

    private static CacheValidators ValidatorsOf(HttpResponseMessage response) => new(
        response.Headers.TryGetValues("ETag", out var etags) ? etags.FirstOrDefault() : null,
        response.Content.Headers.TryGetValues("Last-Modified", out var dates) ? dates.FirstOrDefault() : null);

    /// <summary>How long the answer stays fresh by HTTP caching rules; null when the server does not say (or says no-cache).</summary>
    private TimeSpan? FreshFor(HttpResponseMessage response)
    {
        var cacheControl = response.Headers.CacheControl;
        if (cacheControl is { NoCache: true } or { NoStore: true })
        {
            return null;
        }

        if (cacheControl?.MaxAge is { } maxAge)
        {
            var age = response.Headers.Age ?? TimeSpan.Zero;
            return maxAge > age ? maxAge - age : null;
        }

        if (response.Content.Headers.Expires is { } expires)
        {
            var now = response.Headers.Date ?? time.GetUtcNow();
            return expires > now ? expires - now : null;
        }

        return null;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > time.GetUtcNow() ? date - time.GetUtcNow() : TimeSpan.Zero,
        _ => null,
    };
}
