using System.Globalization;
using System.Text.Json;
using FeedHub.Parsing;

namespace FeedHub.Tests.Parsing;

/// <summary>The checked-in fixture documents and the context each is parsed in.</summary>
internal static class ParsingFixtures
{
    public static readonly Uri DefaultBaseUrl = new("https://example.test/feed");

    /// <summary>Fixed so that clamping and the expected output do not depend on the day the tests run.</summary>
    public static readonly DateTimeOffset DefaultFetchedAt = new(2026, 1, 20, 0, 0, 0, TimeSpan.Zero);

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Parsing", "Fixtures");

    public static IEnumerable<string> Documents() =>
        System.IO.Directory.EnumerateFiles(Directory)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => !name.EndsWith(".expected.json", StringComparison.Ordinal) && !name.EndsWith(".options.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    public static byte[] Read(string fixture) => File.ReadAllBytes(Path.Combine(Directory, fixture));

    public static string ExpectedFileFor(string fixture) => $"{Path.GetFileNameWithoutExtension(fixture)}.expected.json";

    public static ParseContext ContextFor(string fixture)
    {
        var optionsPath = Path.Combine(Directory, $"{Path.GetFileNameWithoutExtension(fixture)}.options.json");
        if (!File.Exists(optionsPath))
        {
            return new ParseContext(DefaultBaseUrl, TimeZoneInfo.Utc, DefaultFetchedAt);
        }

        using var options = JsonDocument.Parse(File.ReadAllText(optionsPath));
        var root = options.RootElement;
        var zone = root.TryGetProperty("timeZone", out var z) ? TimeZoneInfo.FindSystemTimeZoneById(z.GetString()!) : TimeZoneInfo.Utc;
        var baseUrl = root.TryGetProperty("baseUrl", out var b) ? new Uri(b.GetString()!) : DefaultBaseUrl;
        var fetchedAt = root.TryGetProperty("fetchedAt", out var f)
            ? DateTimeOffset.Parse(f.GetString()!, CultureInfo.InvariantCulture)
            : DefaultFetchedAt;
        return new ParseContext(baseUrl, zone, fetchedAt);
    }
}
