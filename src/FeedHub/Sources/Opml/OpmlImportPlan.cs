using FeedHub.Storage;

namespace FeedHub.Sources.Opml;

/// <summary>
/// The feeds of one upload, checked and grouped by URL before the database is asked anything. A feed
/// listed in several folders is one source carrying every folder as a tag (which is how exports with
/// tags as folders come back); its later listings are reported as duplicates of it.
/// </summary>
internal sealed class OpmlImportPlan
{
    private OpmlImportPlan(int total, List<OpmlImportEntry> entries, List<(int Index, OpmlInvalid Invalid)> invalid)
    {
        Total = total;
        Entries = entries;
        Invalid = invalid;
    }

    public int Total { get; }

    /// <summary>One per distinct valid feed URL, in the order the file first lists them.</summary>
    public IReadOnlyList<OpmlImportEntry> Entries { get; }

    public IReadOnlyList<(int Index, OpmlInvalid Invalid)> Invalid { get; }

    public static OpmlImportPlan For(IReadOnlyList<OpmlFeed> feeds)
    {
        var entries = new List<OpmlImportEntry>();
        var byUrl = new Dictionary<string, OpmlImportEntry>(StringComparer.Ordinal);
        var invalid = new List<(int, OpmlInvalid)>();
        for (var index = 0; index < feeds.Count; index++)
        {
            var feed = feeds[index];
            var definition = new SourceDefinition { Url = feed.Url, Name = ColumnLimits.Shorten(feed.Title, ColumnLimits.SourceName), Tags = [.. feed.Tags] };
            var errors = Problems(feed, definition);
            if (errors.Count > 0 || !SourceUrl.TryParse(feed.Url, out var url))
            {
                invalid.Add((index, new OpmlInvalid(feed.Url, feed.Title, errors)));
                continue;
            }

            if (byUrl.TryGetValue(url.AbsoluteUri, out var first))
            {
                first.Repeat(index, feed);
                continue;
            }

            var entry = new OpmlImportEntry(index, url, definition, SiteLink(feed.HtmlUrl));
            byUrl.Add(url.AbsoluteUri, entry);
            entries.Add(entry);
        }

        return new OpmlImportPlan(feeds.Count, entries, invalid);
    }

    /// <summary>The sources API's rules, plus what only an OPML outline can get wrong.</summary>
    private static List<string> Problems(OpmlFeed feed, SourceDefinition definition)
    {
        if (feed.Url is null)
        {
            return ["url is missing: the outline has no xmlUrl attribute."];
        }

        if (feed.Url.Length > ColumnLimits.Url)
        {
            return [$"url is longer than {ColumnLimits.Url} characters."];
        }

        return [.. SourceDefinitionValidator.Validate(definition).Select(e => $"{e.Field} {e.Message}")];
    }

    /// <summary>The outlet's home page until its feed says otherwise; one that is not a web address is left out.</summary>
    private static string? SiteLink(string? htmlUrl) =>
        SourceUrl.TryParse(htmlUrl, out var url) ? ColumnLimits.DropIfLonger(url.AbsoluteUri, ColumnLimits.Url) : null;
}
