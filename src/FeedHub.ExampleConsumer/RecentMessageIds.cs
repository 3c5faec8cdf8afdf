namespace FeedHub.ExampleConsumer;

/// <summary>
/// FeedHub publishes at least once, and a redelivery carries the same MessageId. Remembering recent ids
/// is enough to drop repeats; a service that must never see one twice keeps them in its own database,
/// in the same transaction as its work.
/// </summary>
public sealed class RecentMessageIds(int capacity = 100_000)
{
    private readonly HashSet<Guid> seen = [];
    private readonly Queue<Guid> order = new();
    private readonly Lock gate = new();

    /// <returns>True the first time an id is seen.</returns>
    public bool TryAdd(Guid messageId)
    {
        lock (gate)
        {
            if (!seen.Add(messageId))
            {
                return false;
            }

            order.Enqueue(messageId);
            if (order.Count > capacity)
            {
                seen.Remove(order.Dequeue());
            }

            return true;
        }
    }
}
