using System.ComponentModel.DataAnnotations;

namespace FeedHub.Publishing;

/// <summary>Bound from <c>FeedHub:Publishing</c>.</summary>
internal sealed class PublishingOptions
{
    /// <summary>
    /// False keeps new items pending in the outbox (for example while the broker is under maintenance);
    /// any process with publishing enabled sends them later.
    /// </summary>
    public bool Enabled { get; set; } = true;

    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>How often pending messages are looked for when no poll has signalled any.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A batch that the bus has not confirmed by then is abandoned and retried (the broker may be down).</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claimed batch is reserved for the worker that took it; must exceed <see cref="PublishTimeout"/>.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest wait between attempts while the bus or database is unreachable.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long sent messages are kept for inspection before they are pruned.</summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(2);
}
