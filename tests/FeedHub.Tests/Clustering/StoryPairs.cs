using System.Text;
using System.Text.Json;
using FeedHub.Clustering;

namespace FeedHub.Tests.Clustering;

/// <summary>The labelled same-story and different-story pairs in Fixtures/story-pairs.json.</summary>
internal static class StoryPairs
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<StoryPair> All { get; } = Load();

    private static List<StoryPair> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Clustering", "Fixtures", "story-pairs.json");
        return JsonSerializer.Deserialize<StoryPairFile>(File.ReadAllText(path), Json)!.Pairs;
    }

    private sealed record StoryPairFile(List<StoryPair> Pairs);
}

internal sealed record StoryPair(string Id, bool Same, string Why, StorySide A, StorySide B)
{
    public bool IsHard => Why.StartsWith("hard", StringComparison.Ordinal);
}

internal sealed record StorySide(string Source, string Title, string Summary, string Link, DateTimeOffset Published, string? Form, string? CreditedOutlet)
{
    /// <summary>The side as the clusterer sees it: in NFD when the fixture says the feed sent NFD.</summary>
    public StorySignature Signature() => Form == "NFD"
        ? StorySignature.Of(Title.Normalize(NormalizationForm.FormD), Summary.Normalize(NormalizationForm.FormD))
        : StorySignature.Of(Title, Summary);
}
