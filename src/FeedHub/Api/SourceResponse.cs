using FeedHub.Sources;

namespace FeedHub.Api;

/// <summary>A source as operators see it: its settings (named as in configuration) and its health.</summary>
internal sealed record SourceResponse(
    Guid Id,
    string Url,
    string Name,
    IReadOnlyList<string> Tags,
    TimeSpan? Interval,
    string? Cron,
    string? TimeZone,
    string? Language,
    IReadOnlyDictionary<string, string> Headers,
    string? Username,
    bool HasPassword,
    bool FullContent,
    SourceExtraction? Extraction,
    string Kind,
    SourceListing? Listing,
    bool Enabled,
    string? DisabledReason,
    DateTimeOffset? ArchivedAt,
    string Origin,
    string? FeedTitle,
    string? SiteLink,
    DateTimeOffset CreatedAt,
    SourceHealthResponse Health)
{
    public static SourceResponse From(Source source, ItemCounts counts, Push.WebSubSubscription? push = null) => new(
        source.Id, source.Url, source.Name, source.Tags, source.Interval, source.Cron, source.TimeZone, source.EffectiveLanguage,
        source.RequestHeaders.ToDictionary(h => h.Key, h => SourceDefinition.MaskedSecret), source.Username, source.Password is not null,
        source.FullContent, source.Extraction, source.Kind, source.Listing, source.Enabled, source.DisabledReason, source.ArchivedAt,
        source.Origin == SourceOrigin.Configuration ? "configuration" : "api",
        source.FeedTitle, source.SiteLink, source.CreatedAt,
        new SourceHealthResponse(
            StateOf(source.Health),
            source.Health.LastAttemptAt,
            source.Health.LastSuccessAt,
            source.Health.LastStatusCode,
            source.Health.ConsecutiveFailures,
            source.Health.LastFailureKind,
            source.Health.LastError,
            source.NextPollAt,
            source.NextPollReason,
            source.MovedTo,
            counts.Total,
            counts.Last24Hours,
            counts.AverageInterval,
            push is null ? null : new PushResponse(push.Hub, push.Topic, push.State.ToString().ToLowerInvariant(), push.LeaseUntil, push.LastContentAt, push.LastError)));

    /// <summary>"unknown" until the first poll: a new source is neither failing nor proven.</summary>
    public static string StateOf(SourceHealth health) =>
        health.LastAttemptAt is null ? "unknown" : health.IsHealthy ? "healthy" : "failing";
}

internal sealed record SourceHealthResponse(
    string State,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? LastSuccessAt,
    int? LastStatusCode,
    int ConsecutiveFailures,
    string? LastFailureKind,
    string? LastError,
    DateTimeOffset? NextPollAt,
    string? NextPollReason,
    string? MovedPermanentlyTo,
    int ItemsTotal,
    int ItemsLast24Hours,
    TimeSpan? AverageItemInterval,
    PushResponse? Push);

/// <summary>The source's WebSub subscription: state is "requested", "active" or "failed".</summary>
internal sealed record PushResponse(string Hub, string Topic, string State, DateTimeOffset? LeaseUntil, DateTimeOffset? LastContentAt, string? LastError);

/// <param name="AverageInterval">The mean time between items published in the last 30 days; null with fewer than two.</param>
internal readonly record struct ItemCounts(int Total, int Last24Hours, TimeSpan? AverageInterval);

internal sealed record SourcePage(IReadOnlyList<SourceResponse> Items, string? Next);

internal sealed record PollResponse(string Outcome, int Added, int Changed, string? Failure, SourceResponse Source);

/// <param name="Listing">Selectors to read the URL as an HTML listing instead of a feed.</param>
internal sealed record PreviewRequest(string? Url, string? TimeZone, SourceListing? Listing = null);

internal sealed record PreviewResponse(string Url, string Format, string? Title, string? Link, int ItemCount, IReadOnlyList<PreviewItem> FirstItems, IReadOnlyList<string> Warnings, string? Error);

internal sealed record PreviewItem(string Title, string? Link, DateTimeOffset? Published);
