using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace FeedHub.Tests.Extracting;

/// <summary>
/// The article pages under Fixtures/ with what each must and must not yield, and the two figures that judge an
/// extractor over all of them: paragraph recall and boilerplate leakage. The benchmark tool's `extract-eval`
/// links this file, so FeedHub's extractor and SmartReader are measured by the same rule.
/// </summary>
internal static class ExtractionCorpus
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Extracting", "Fixtures");

    public static IReadOnlyList<ExtractionFixture> Load(string directory) =>
        [.. System.IO.Directory.EnumerateFiles(directory, "*.expected.json").Order(StringComparer.Ordinal).Select(Read)];

    /// <summary>Compared as readers see them: NFC, every run of whitespace one space.</summary>
    public static string Comparable(string text) =>
        string.Join(' ', text.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <param name="extract">The extractor under test: page to plain text.</param>
    public static ExtractionScore Score(IReadOnlyList<ExtractionFixture> fixtures, Func<ExtractionFixture, string> extract)
    {
        var kept = 0;
        var expected = 0;
        var misses = new List<string>();
        var leaks = new List<string>();
        var clock = Stopwatch.StartNew();
        foreach (var fixture in fixtures)
        {
            var text = Comparable(extract(fixture));
            foreach (var paragraph in fixture.Keep)
            {
                expected++;
                if (text.Contains(Comparable(paragraph), StringComparison.Ordinal))
                {
                    kept++;
                }
                else
                {
                    misses.Add($"{fixture.Name}: missing \"{paragraph}\"");
                }
            }

            leaks.AddRange(fixture.Boilerplate.Where(b => text.Contains(Comparable(b), StringComparison.Ordinal)).Select(b => $"{fixture.Name}: leaked \"{b}\""));
        }

        return new ExtractionScore(kept, expected, leaks.Count, clock.Elapsed / Math.Max(1, fixtures.Count), [.. misses, .. leaks]);
    }

    private static ExtractionFixture Read(string expectedPath)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(expectedPath));
        var root = json.RootElement;
        var name = Path.GetFileName(expectedPath)[..^".expected.json".Length];
        return new ExtractionFixture(
            name,
            File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(expectedPath)!, name + ".html")),
            root.GetProperty("contentType").GetString(),
            new Uri(root.GetProperty("url").GetString()!),
            root.GetProperty("title").GetString()!,
            root.TryGetProperty("author", out var author) ? author.GetString() : null,
            root.TryGetProperty("published", out var published) ? published.GetString() : null,
            [.. root.GetProperty("keep").EnumerateArray().Select(e => e.GetString()!)],
            [.. root.GetProperty("boilerplate").EnumerateArray().Select(e => e.GetString()!)]);
    }
}

internal sealed record ExtractionFixture(
    string Name, byte[] Body, string? ContentType, Uri Url, string Title, string? Author, string? Published,
    IReadOnlyList<string> Keep, IReadOnlyList<string> Boilerplate)
{
    public override string ToString() => Name;
}

/// <param name="Problems">Each paragraph missed and each boilerplate string leaked, to say why a figure is off.</param>
internal sealed record ExtractionScore(int Kept, int Expected, int Leaks, TimeSpan PerPage, IReadOnlyList<string> Problems)
{
    public double Recall => Expected == 0 ? 0 : (double)Kept / Expected;

    public override string ToString() =>
        FormattableString.Invariant($"recall {Recall:P1} ({Kept}/{Expected} paragraphs), leakage {Leaks} boilerplate strings, {PerPage.TotalMilliseconds:F2} ms/page");
}
