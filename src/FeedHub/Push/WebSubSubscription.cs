namespace FeedHub.Push;

/// <summary>One source's subscription at the WebSub hub its feed advertises.</summary>
internal sealed class WebSubSubscription
{
    public Guid SourceId { get; set; }
    public required string Hub { get; set; }
    public required string Topic { get; set; }

    /// <summary>The HMAC key given to the hub; every pushed body must be signed with it.</summary>
    public required string Secret { get; set; }

    public WebSubState State { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? LastContentAt { get; set; }
    public string? LastError { get; set; }

    public bool IsActive(DateTimeOffset now) => State == WebSubState.Active && LeaseUntil > now;
}

internal enum WebSubState
{
    /// <summary>Asked; the hub has not verified the intent yet.</summary>
    Requested,
    Active,

    /// <summary>The hub refused, or could not be asked; polling goes on and the next poll asks again.</summary>
    Failed,
}
