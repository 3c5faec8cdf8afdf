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

    /// <summary>Hand-written fixtures, and those the benchmark tool's `fixtures` verb generates into Generated/.</summary>
    public static IEnumerable<string> Documents() =>
        System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Directory, path).Replace('\\', '/'))
            .Where(name => !name.EndsWith(".expected.json", StringComparison.Ordinal) && !name.EndsWith(".options.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    public static byte[] Read(string fixture) => File.ReadAllBytes(Path.Combine(Directory, fixture));

    public static string ExpectedFileFor(string fixture) => $"{WithoutExtension(fixture)}.expected.json";

    /// <summary>The fixture's options file, if any: zone, base URL, fetch time, HTTP Content-Type, and the date it must yield.</summary>
    public static JsonDocument? Options(string fixture)
    {
        var optionsPath = Path.Combine(Directory, $"{WithoutExtension(fixture)}.options.json");
        return File.Exists(optionsPath) ? JsonDocument.Parse(File.ReadAllText(optionsPath)) : null;
    }

    private static string WithoutExtension(string fixture) => fixture[..fixture.LastIndexOf('.')];

    public static ParseContext ContextFor(string fixture)
    {
        using var options = Options(fixture);
        if (options is null)
        {
            return new ParseContext(DefaultBaseUrl, TimeZoneInfo.Utc, DefaultFetchedAt);
        }

        var root = options.RootElement;
        var zone = root.TryGetProperty("timeZone", out var z) ? TimeZoneInfo.FindSystemTimeZoneById(z.GetString()!) : TimeZoneInfo.Utc;
        var baseUrl = root.TryGetProperty("baseUrl", out var b) ? new Uri(b.GetString()!) : DefaultBaseUrl;
        var fetchedAt = root.TryGetProperty("fetchedAt", out var f)
            ? DateTimeOffset.Parse(f.GetString()!, CultureInfo.InvariantCulture)
            : DefaultFetchedAt;
        var contentType = root.TryGetProperty("contentType", out var c) ? c.GetString() : null;
        return new ParseContext(baseUrl, zone, fetchedAt, contentType);
    }
}
