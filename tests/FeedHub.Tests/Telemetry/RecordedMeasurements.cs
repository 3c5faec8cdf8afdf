using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace FeedHub.Tests.Telemetry;

/// <summary>Every measurement of one meter instance (one host's, not another test's) with its tags.</summary>
internal sealed class RecordedMeasurements : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<Recorded> recorded = new();

    public RecordedMeasurements(Meter meter)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.Start();
    }

    public double Sum(string instrument, params (string Key, string Value)[] tags) => Matching(instrument, tags).Sum(r => r.Value);

    public int Count(string instrument, params (string Key, string Value)[] tags) => Matching(instrument, tags).Count();

    public IEnumerable<double> Values(string instrument) => Matching(instrument, []).Select(r => r.Value);

    /// <summary>Asks the observable instruments for their values now, as a scrape would; answers the latest of one.</summary>
    public double? Observe(string instrument)
    {
        listener.RecordObservableInstruments();
        return Matching(instrument, []).LastOrDefault()?.Value;
    }

    private IEnumerable<Recorded> Matching(string instrument, (string Key, string Value)[] tags) =>
        recorded.Where(r => r.Instrument == instrument && tags.All(t => r.Tags.TryGetValue(t.Key, out var v) && Equals(v, t.Value)));

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        recorded.Enqueue(new Recorded(instrument.Name, value, copy));
    }

    public void Dispose() => listener.Dispose();

    private sealed record Recorded(string Instrument, double Value, Dictionary<string, object?> Tags);
}
