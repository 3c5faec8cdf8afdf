namespace FeedHub.Sources.Opml;

/// <summary>A feed URL to import, with every listing of it in the file.</summary>
internal sealed class OpmlImportEntry(int index, Uri url, SourceDefinition definition, string? siteLink)
{
    private readonly List<(int Index, string? Title)> repeats = [];

    public int Index { get; } = index;
    public Uri Url { get; } = url;
    public string UrlHash { get; } = SourceUrl.HashOf(url.AbsoluteUri);
    public SourceDefinition Definition { get; } = definition;
    public string? SiteLink { get; } = siteLink;

    /// <summary>The later listings of the same URL, each reported as a duplicate.</summary>
    public IReadOnlyList<(int Index, string? Title)> Repeats => repeats;

    public int Listings => 1 + repeats.Count;

    public void Repeat(int listing, OpmlFeed feed)
    {
        repeats.Add((listing, feed.Title));
        foreach (var tag in feed.Tags.Where(t => !Definition.Tags.Contains(t, StringComparer.OrdinalIgnoreCase)))
        {
            Definition.Tags.Add(tag);
        }
    }
}
