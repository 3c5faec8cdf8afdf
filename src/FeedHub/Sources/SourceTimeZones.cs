using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace FeedHub.Sources;

/// <summary>
/// Resolves the zone for dates a feed gives without one: the source's own, else
/// <c>FeedHub:Parsing:DefaultTimeZone</c>, else UTC.
/// </summary>
internal sealed class SourceTimeZones
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Cache = new(StringComparer.OrdinalIgnoreCase);

    public SourceTimeZones(IConfiguration configuration)
    {
        var configured = configuration["FeedHub:Parsing:DefaultTimeZone"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            Default = TimeZoneInfo.Utc;
        }
        else if (TryFind(configured, out var zone))
        {
            Default = zone;
        }
        else
        {
            throw new InvalidOperationException($"FeedHub:Parsing:DefaultTimeZone '{configured}' is not a known IANA time zone.");
        }
    }

    public TimeZoneInfo Default { get; }

    public TimeZoneInfo For(Source source) =>
        source.TimeZone is { } id && TryFind(id, out var zone) ? zone : Default;

    public static bool TryFind(string id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = Cache.GetOrAdd(id.Trim(), static key =>
            TimeZoneInfo.TryFindSystemTimeZoneById(key, out var found) ? found : null);
        return zone is not null;
    }
}
