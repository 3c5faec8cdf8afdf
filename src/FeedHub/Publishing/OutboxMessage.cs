namespace FeedHub.Publishing;

/// <summary>
/// A bus message committed in the same transaction as the change it announces; it stays pending
/// until the publisher has handed it to the bus, so a crash in between loses nothing.
/// </summary>
internal sealed class OutboxMessage
{
    public long Id { get; set; }
    public Guid MessageId { get; set; }
    public required string MessageType { get; set; }
    public required string Payload { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The publisher batch that has taken this message; others leave it alone until <see cref="ClaimedUntil"/>.</summary>
    public Guid? ClaimToken { get; set; }

    /// <summary>When the claim lapses, so a message taken by a publisher that died is picked up again.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
}
