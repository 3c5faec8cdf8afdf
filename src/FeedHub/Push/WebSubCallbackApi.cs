using FeedHub.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedHub.Push;

/// <summary>
/// The callback hubs talk to: GET verifies a subscription intent by echoing the challenge; POST delivers
/// content. Hubs are anonymous; what proves a push is the HMAC signature under the subscription's secret.
/// </summary>
internal static partial class WebSubCallbackApi
{
    public static void MapWebSubCallback(this IEndpointRouteBuilder app)
    {
        var callback = app.MapGroup("/websub").ExcludeFromDescription().AllowAnonymous();
        callback.MapGet("/{sourceId:guid}", VerifyAsync);
        callback.MapPost("/{sourceId:guid}", ReceiveAsync);
    }

    private static async Task<Results<ContentHttpResult, NotFound>> VerifyAsync(
        Guid sourceId, HttpRequest request, FeedHubDbContext db, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var query = request.Query;
        var subscription = await db.WebSubSubscriptions.FirstOrDefaultAsync(s => s.SourceId == sourceId, cancellationToken).ConfigureAwait(false);

        // Only intents FeedHub asked for, for the topic it asked for, are confirmed: anything else could subscribe it to noise.
        if (subscription is null || query["hub.topic"] != subscription.Topic)
        {
            return TypedResults.NotFound();
        }

        var logger = loggers.CreateLogger(typeof(WebSubCallbackApi));
        switch (query["hub.mode"].ToString())
        {
            case "subscribe" when !string.IsNullOrEmpty(query["hub.challenge"]):
                var lease = int.TryParse(query["hub.lease_seconds"], out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromDays(1);
                subscription.State = WebSubState.Active;
                subscription.LeaseUntil = time.GetUtcNow() + lease;
                subscription.LastError = null;
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                LogVerified(logger, sourceId, subscription.Hub, lease.TotalSeconds);
                return TypedResults.Text(query["hub.challenge"].ToString(), "text/plain");
            case "denied":
                subscription.State = WebSubState.Failed;
                subscription.LeaseUntil = null;
                subscription.LastError = ColumnLimits.Shorten($"the hub denied the subscription: {query["hub.reason"]}", ColumnLimits.Error);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                LogDenied(logger, sourceId, subscription.Hub, query["hub.reason"].ToString());
                return TypedResults.Text(string.Empty, "text/plain");
            default:
                // FeedHub never unsubscribes on its own initiative; an unsubscribe nobody asked for is not confirmed.
                return TypedResults.NotFound();
        }
    }

    private static async Task<IResult> ReceiveAsync(
        Guid sourceId, HttpRequest request, PushedContentReceiver receiver, IOptions<WebSubOptions> options, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxContentBytes;
        if (request.ContentLength > limit)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var body = await Fetching.BoundedBody.ReadAsync(request.Body, limit, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var outcome = await receiver.ReceiveAsync(sourceId, body, request.ContentType, request.Headers["X-Hub-Signature"], cancellationToken).ConfigureAwait(false);

        // WebSub: a body whose signature does not match is ignored, yet acknowledged, so a forger learns nothing.
        return outcome.Kind == PushOutcomeKind.Unknown ? TypedResults.StatusCode(StatusCodes.Status410Gone) : TypedResults.Accepted((string?)null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "WebSub hub {Hub} verified the subscription of source {SourceId} for {LeaseSeconds} s")]
    private static partial void LogVerified(ILogger logger, Guid sourceId, string hub, double leaseSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WebSub hub {Hub} denied the subscription of source {SourceId}: {Reason}; polling goes on")]
    private static partial void LogDenied(ILogger logger, Guid sourceId, string hub, string reason);
}
