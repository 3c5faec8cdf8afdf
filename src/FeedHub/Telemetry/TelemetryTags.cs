namespace FeedHub.Telemetry;

/// <summary>The tag names FeedHub puts on its spans and instruments.</summary>
internal static class TelemetryTags
{
    public const string SourceId = "feedhub.source.id";
    public const string SourceName = "feedhub.source.name";

    /// <summary>Only the host: a source URL may carry credentials or tokens.</summary>
    public const string SourceHost = "feedhub.source.host";

    public const string Outcome = "feedhub.poll.outcome";
    public const string Failure = "feedhub.poll.failure";
    public const string ItemsNew = "feedhub.items.new";
    public const string ItemsUpdated = "feedhub.items.updated";
    public const string ItemsUnchanged = "feedhub.items.unchanged";
    public const string MessageType = "feedhub.message.type";
}
