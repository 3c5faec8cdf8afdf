namespace FeedHub.Feeds;

/// <summary>
/// A merged feed as the operator declares it under <c>FeedHub:Feeds:N</c>, or sends it to
/// <c>/api/feeds</c>: the same names in both places.
/// </summary>
internal sealed class MergedFeedDeclaration
{
    public string? Slug { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public List<string> Tags { get; set; } = [];
    public List<Guid> SourceIds { get; set; } = [];
    public List<string> Include { get; set; } = [];
    public List<string> Exclude { get; set; } = [];
    public List<string> Categories { get; set; } = [];
    public string? Language { get; set; }
    public int? Limit { get; set; }
    public bool CollapseStories { get; set; }
    public bool Private { get; set; }

    /// <summary>Left out for a private feed, the token it has is kept, or a new one made.</summary>
    public string? Token { get; set; }

    /// <summary>Copies the declaration (already validated) onto a stored definition.</summary>
    public void ApplyTo(MergedFeedDefinition definition)
    {
        definition.Title = Trimmed(Title) ?? DefaultTitle(definition.Slug);
        definition.Description = Trimmed(Description);
        definition.Tags = Words(Tags);
        definition.SourceIds = [.. SourceIds.Distinct()];
        definition.Include = Words(Include);
        definition.Exclude = Words(Exclude);
        definition.Categories = Words(Categories);
        definition.Language = Trimmed(Language);
        definition.Limit = Limit;
        definition.CollapseStories = CollapseStories;
        definition.Private = Private;
        definition.Token = Private ? Trimmed(Token) ?? definition.Token ?? FeedToken.Create() : null;
    }

    public static string DefaultTitle(string slug) =>
        slug == MergedFeedDefinitions.AllSlug ? MergedFeedDefinitions.All().Title : $"FeedHub: {slug}";

    private static List<string> Words(List<string> words) =>
        [.. words.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.Trim()).Distinct(StringComparer.Ordinal)];

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
