using System.Security.Cryptography;
using FeedHub.Fetching;
using FeedHub.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedHub.Push;

/// <summary>
/// Subscribes sources whose feeds advertise a WebSub hub, and renews their leases. Asking a hub is best
/// effort: whatever the hub does, the source goes on being polled, so nothing is ever missed.
/// </summary>
internal sealed partial class WebSubSubscriber(
    FeedHubDbContext db,
    IHttpClientFactory clients,
    IOptions<WebSubOptions> options,
    TimeProvider time,
    ILogger<WebSubSubscriber> logger)
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>After a poll that read the feed: subscribe when it names a hub and no subscription stands or it is due renewal.</summary>
    public async Task NoteAdvertisedHubAsync(Guid sourceId, Uri feedUrl, string? hub, string? self, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || !TryHttpUrl(hub, feedUrl, out var hubUrl))
        {
            return;
        }

        var topic = TryHttpUrl(self, feedUrl, out var selfUrl) ? selfUrl : feedUrl;
        var subscription = await db.WebSubSubscriptions.FirstOrDefaultAsync(s => s.SourceId == sourceId, cancellationToken).ConfigureAwait(false);
        if (subscription is not null && SameTarget(subscription, hubUrl, topic) && !IsDue(subscription, time.GetUtcNow()))
        {
            return;
        }

        if (subscription is null)
        {
            subscription = new WebSubSubscription { SourceId = sourceId, Hub = hubUrl.AbsoluteUri, Topic = topic.AbsoluteUri, Secret = NewSecret() };
            db.WebSubSubscriptions.Add(subscription);
        }
        else if (!SameTarget(subscription, hubUrl, topic))
        {
            // A new hub or topic is a new subscription, with a new secret.
            subscription.Hub = hubUrl.AbsoluteUri;
            subscription.Topic = topic.AbsoluteUri;
            subscription.Secret = NewSecret();
            subscription.LeaseUntil = null;
        }

        await RequestAsync(subscription, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks the hub to (re)subscribe; the hub answers 202 and verifies the intent at the callback later.</summary>
    public async Task RequestAsync(WebSubSubscription subscription, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        subscription.RequestedAt = time.GetUtcNow();
        if (subscription.State != WebSubState.Active)
        {
            subscription.State = WebSubState.Requested;
        }

        // Stored before the hub is asked: a hub may verify the intent before it even answers the request.
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["hub.mode"] = "subscribe",
            ["hub.topic"] = subscription.Topic,
            ["hub.callback"] = settings.CallbackFor(subscription.SourceId).AbsoluteUri,
            ["hub.lease_seconds"] = settings.LeaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["hub.secret"] = subscription.Secret,
        });
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        string? error;
        try
        {
            // The feeds client: the hub is an address a feed gave, so it passes the same network guard.
            using var response = await clients.CreateClient(FeedFetcher.ClientName)
                .PostAsync(new Uri(subscription.Hub), form, timeout.Token).ConfigureAwait(false);
            error = response.IsSuccessStatusCode ? null : $"the hub answered HTTP {(int)response.StatusCode} {response.ReasonPhrase} to the subscription request";
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            error = $"the hub could not be asked: {ex.Message}";
        }

        await RecordAnswerAsync(subscription, error, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Written past the tracked entity: the hub's verification may have made it active meanwhile, and must not be undone.</summary>
    private async Task RecordAnswerAsync(WebSubSubscription subscription, string? error, CancellationToken cancellationToken)
    {
        var sourceId = subscription.SourceId;
        if (error is null)
        {
            LogRequested(logger, sourceId, subscription.Hub, subscription.Topic);
            await db.WebSubSubscriptions.Where(s => s.SourceId == sourceId)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastError, (string?)null), cancellationToken).ConfigureAwait(false);
            return;
        }

        LogFailed(logger, sourceId, subscription.Hub, error);
        var shortened = ColumnLimits.Shorten(error, ColumnLimits.Error);
        await db.WebSubSubscriptions.Where(s => s.SourceId == sourceId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastError, shortened), cancellationToken).ConfigureAwait(false);
        await db.WebSubSubscriptions.Where(s => s.SourceId == sourceId && s.State != WebSubState.Active)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.State, WebSubState.Failed), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether a standing subscription needs asking again: never verified in time, failed, or its lease running out.</summary>
    public bool IsDue(WebSubSubscription subscription, DateTimeOffset now)
    {
        var settings = options.Value;
        return subscription.State switch
        {
            WebSubState.Requested => now - subscription.RequestedAt > settings.VerificationTimeout,
            WebSubState.Failed => now - subscription.RequestedAt > settings.VerificationTimeout,
            _ => subscription.LeaseUntil is not { } until || until - now < RenewalMargin(subscription),
        };
    }

    private TimeSpan RenewalMargin(WebSubSubscription subscription)
    {
        var lease = (subscription.LeaseUntil ?? subscription.RequestedAt) - subscription.RequestedAt;
        var tenth = lease / 10;
        return tenth < options.Value.RenewBefore ? tenth : options.Value.RenewBefore;
    }

    private static bool SameTarget(WebSubSubscription subscription, Uri hub, Uri topic) =>
        subscription.Hub == hub.AbsoluteUri && subscription.Topic == topic.AbsoluteUri;

    private static bool TryHttpUrl(string? value, Uri baseUrl, out Uri url)
    {
        url = null!;
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(baseUrl, value.Trim(), out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps) || parsed.AbsoluteUri.Length > ColumnLimits.Url)
        {
            return false;
        }

        url = parsed;
        return true;
    }

    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    [LoggerMessage(Level = LogLevel.Information, Message = "Asked WebSub hub {Hub} to push {Topic} for source {SourceId}")]
    private static partial void LogRequested(ILogger logger, Guid sourceId, string hub, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WebSub subscription of source {SourceId} at {Hub} failed: {Error}; polling goes on")]
    private static partial void LogFailed(ILogger logger, Guid sourceId, string hub, string error);
}
