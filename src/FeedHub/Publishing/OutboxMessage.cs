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
}
