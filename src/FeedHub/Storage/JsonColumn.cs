using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedHub.Storage;

/// <summary>Maps a list of records to one JSON text column, the same way on every provider.</summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<List<T>> HasJsonConversion<T>(this PropertyBuilder<List<T>> property) =>
        property.HasConversion(
            value => JsonSerializer.Serialize(value, Options),
            json => JsonSerializer.Deserialize<List<T>>(json, Options) ?? new List<T>(),
            new ValueComparer<List<T>>(
                (a, b) => a != null && b != null && a.SequenceEqual(b),
                value => value.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
                value => value.ToList()));

    /// <summary>
    /// An optional settings object as JSON; null stays SQL NULL. Compared by its JSON, so a change to any nested
    /// list is seen as a change.
    /// </summary>
    public static PropertyBuilder<T?> HasJsonObjectConversion<T>(this PropertyBuilder<T?> property)
        where T : class =>
        property.HasConversion(
            value => JsonSerializer.Serialize(value, Options),
            json => JsonSerializer.Deserialize<T>(json, Options),
            new ValueComparer<T?>(
                (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                value => JsonSerializer.Serialize(value, Options).GetHashCode(StringComparison.Ordinal),
                value => value == null ? null : JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Options), Options)));

    public static PropertyBuilder<Parsing.FeedPollHints> HasJsonConversion(this PropertyBuilder<Parsing.FeedPollHints> property) =>
        property.HasConversion(
            value => JsonSerializer.Serialize(value, Options),
            json => ReadPollHints(json),
            new ValueComparer<Parsing.FeedPollHints>((a, b) => Equals(a, b), value => value.GetHashCode(), value => value));

    /// <summary>Hints are advice: a row written before the column existed (empty) or unreadable means none.</summary>
    private static Parsing.FeedPollHints ReadPollHints(string json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return Parsing.FeedPollHints.None;
        }

        try
        {
            return JsonSerializer.Deserialize<Parsing.FeedPollHints>(json, Options) ?? Parsing.FeedPollHints.None;
        }
        catch (JsonException)
        {
            return Parsing.FeedPollHints.None;
        }
    }

    public static PropertyBuilder<Dictionary<string, string>> HasJsonConversion(this PropertyBuilder<Dictionary<string, string>> property) =>
        property.HasConversion(
            value => JsonSerializer.Serialize(value, Options),
            json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, Options) ?? new Dictionary<string, string>(),
            new ValueComparer<Dictionary<string, string>>(
                (a, b) => a != null && b != null && a.Count == b.Count && !a.Except(b).Any(),
                value => value.Aggregate(0, (hash, pair) => hash ^ HashCode.Combine(pair.Key, pair.Value)),
                value => new Dictionary<string, string>(value)));
}
