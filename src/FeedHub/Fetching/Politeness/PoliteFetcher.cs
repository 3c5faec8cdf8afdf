namespace FeedHub.Fetching.Politeness;

/// <summary>
/// One fetch in its turn at the host: feeds and article pages share the host's limits, and a host that asks for
/// a pause (Retry-After) gets it from every worker whichever of the two it answered.
/// </summary>
internal sealed class PoliteFetcher(HostGate hosts, FeedFetcher fetcher)
{
    /// <returns>Null when the host gave no turn within <paramref name="maxWait"/>.</returns>
    public async Task<FetchResult?> FetchAsync(FetchRequest request, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var pass = await hosts.EnterAsync(request.Url, maxWait, cancellationToken).ConfigureAwait(false);
        if (pass is null)
        {
            return null;
        }

        // The host's slot is held for the request only, not while the body is parsed and stored.
        await using (pass.ConfigureAwait(false))
        {
            var result = await fetcher.FetchAsync(request, cancellationToken).ConfigureAwait(false);
            if (result is FetchResult.Failed { RetryAfter: { } pause })
            {
                await hosts.HoldOffAsync(request.Url, pause, cancellationToken).ConfigureAwait(false);
            }

            return result;
        }
    }
}
