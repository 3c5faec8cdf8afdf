namespace FeedHub.Feeds;

/// <summary>
/// Where one page of a merged feed is served, and so the URL of any of its outputs and of the next
/// page. A private feed's token travels in every link, or a reader following "next" would be refused.
/// </summary>
/// <param name="Root">The service's base URL, ending in '/'.</param>
/// <param name="Before">The cursor of the page being served; null for the newest page.</param>
internal sealed record FeedAddress(Uri Root, string Slug, string? Token, ItemCursor? Before)
{
    public Uri Self(FeedOutput output) => Of(output, Before);

    public Uri? Next(FeedOutput output, MergedFeed feed) => feed.Next is { } next ? Of(output, next) : null;

    /// <summary>The newest page in another output, for alternate links.</summary>
    public Uri Newest(FeedOutput output) => Of(output, null);

    public Uri Of(FeedOutput output, ItemCursor? before)
    {
        var query = new List<string>(2);
        if (before is { } cursor)
        {
            query.Add($"before={cursor}");
        }

        if (Token is not null)
        {
            query.Add($"token={Uri.EscapeDataString(Token)}");
        }

        var path = $"feeds/{Slug}{output.Extension()}";
        return new Uri(Root, query.Count == 0 ? path : $"{path}?{string.Join('&', query)}");
    }
}
