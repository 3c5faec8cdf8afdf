using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FeedHub.Telemetry;

/// <summary>
/// FeedHub's own spans and instruments, under one name ("FeedHub") for both. Instrument names follow the
/// OpenTelemetry conventions; the Prometheus exporter turns them into <c>feedhub_polls_total</c>,
/// <c>feedhub_poll_duration_seconds</c> and so on.
/// </summary>
internal sealed class FeedHubTelemetry
{
    public const string Name = "FeedHub";

    /// <summary>Spans have no factory in .NET: one source for the process, told apart by their tags.</summary>
    public static readonly ActivitySource Spans = new(Name);

    private static readonly double[] PollSeconds = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
    private static readonly double[] LagSeconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900];

    private long outboxPending = -1;

    public FeedHubTelemetry(IMeterFactory meters)
    {
        // From the factory, so each host (and each test's host) has its own meter and its own counts.
        Meter = meters.Create(Name);
        Polls = Meter.CreateCounter<long>("feedhub.polls", "{poll}", "Polls of sources, by outcome and failure class.");
        PollDuration = Meter.CreateHistogram(
            "feedhub.poll.duration", "s", "How long a poll took, from loading the source to committing what it found.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = PollSeconds });
        ItemsNew = Meter.CreateCounter<long>("feedhub.items.new", "{item}", "Items stored for the first time.");
        ItemsUpdated = Meter.CreateCounter<long>("feedhub.items.updated", "{item}", "Stored items whose content changed at the source.");
        PublishLag = Meter.CreateHistogram(
            "feedhub.publish.lag", "s", "Time from a message's outbox row being committed to its publish on the bus.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LagSeconds });

        // Read from the value the outbox publisher last saw, so a scrape never queries the database.
        Meter.CreateObservableGauge(
            "feedhub.outbox.pending",
            () => Interlocked.Read(ref outboxPending) is >= 0 and var pending ? [new Measurement<long>(pending)] : Array.Empty<Measurement<long>>(),
            "{message}",
            "Outbox messages not yet published, as of the publisher's last drain.");
    }

    public Meter Meter { get; }

    public Counter<long> Polls { get; }

    public Histogram<double> PollDuration { get; }

    public Counter<long> ItemsNew { get; }

    public Counter<long> ItemsUpdated { get; }

    public Histogram<double> PublishLag { get; }

    public void OutboxPendingIs(long pending) => Interlocked.Exchange(ref outboxPending, pending);

    public void StoredItems(int added, int changed)
    {
        if (added > 0)
        {
            ItemsNew.Add(added);
        }

        if (changed > 0)
        {
            ItemsUpdated.Add(changed);
        }
    }
}
