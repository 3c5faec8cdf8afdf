using System.Text.Json;

namespace FeedHub.Benchmarks.Corpus;

/// <summary>A generated corpus loaded into memory, so every reader is measured on the same bytes and none on disk speed.</summary>
internal sealed class CorpusFiles
{
    private CorpusFiles(IReadOnlyList<ManifestEntry> entries, IReadOnlyList<byte[]> bodies)
    {
        Entries = entries;
        Bodies = bodies;
    }

    public IReadOnlyList<ManifestEntry> Entries { get; }
    public IReadOnlyList<byte[]> Bodies { get; }
    public long TotalBytes => Bodies.Sum(b => (long)b.Length);

    public static CorpusFiles Load(string directory, int? limit = null)
    {
        var manifest = JsonSerializer.Deserialize<List<ManifestEntry>>(File.ReadAllText(Path.Combine(directory, CorpusGenerator.ManifestName)))
            ?? throw new InvalidDataException("empty manifest");
        var entries = limit is { } n ? manifest.Take(n).ToList() : manifest;
        return new CorpusFiles(entries, [.. entries.Select(e => File.ReadAllBytes(Path.Combine(directory, e.File)))]);
    }
}
