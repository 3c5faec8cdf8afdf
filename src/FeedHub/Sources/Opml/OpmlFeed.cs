namespace FeedHub.Sources.Opml;

/// <summary>One feed outline of an OPML document, as written; nothing here is checked yet.</summary>
/// <param name="Url">The outline's <c>xmlUrl</c> (or the variant the exporting tool wrote), trimmed; null when it has none.</param>
/// <param name="Title">The outline's <c>text</c>, else its <c>title</c>, NFC.</param>
/// <param name="HtmlUrl">The site's home page, when the outline names one.</param>
/// <param name="Tags">The enclosing folders, outermost first, then the outline's own categories.</param>
internal sealed record OpmlFeed(string? Url, string? Title, string? HtmlUrl, IReadOnlyList<string> Tags);
