using AngleSharp.Dom;
using FeedHub.Parsing;

namespace FeedHub.Extracting;

/// <summary>
/// What a news page says about its article outside the body text: title, byline, publication time, language.
/// Read before boilerplate is removed, because bylines and dates usually sit in the header or a meta bar.
/// </summary>
internal sealed record ArticleMetadata(string Title, string? Author, DateTimeOffset? Published, string? Language)
{
    private const int MaxBylineLength = 80;

    public static ArticleMetadata Read(IDocument document, TimeZoneInfo zone)
    {
        var linkedData = LinkedData.Read(document);
        var title = Meta(document, "og:title") ?? linkedData.Headline ?? Text(document.QuerySelector("h1")) ?? Text(document.QuerySelector("title")) ?? string.Empty;
        return new ArticleMetadata(Clean(title), ReadAuthor(document, linkedData), ReadPublished(document, linkedData, zone), ReadLanguage(document));
    }

    private static string? ReadAuthor(IDocument document, LinkedData linkedData)
    {
        var meta = Meta(document, "author") ?? Meta(document, "article:author");
        if (meta is not null && !Uri.TryCreate(meta, UriKind.Absolute, out _))
        {
            return Clean(meta);
        }

        if (linkedData.Author is { Length: > 0 } author)
        {
            return Clean(author);
        }

        var byline = document.QuerySelector("[rel=author], [itemprop=author], .author, .byline, .tac-gia, .tacgia, .author-name, .article-author");
        return Text(byline) is { Length: > 0 and <= MaxBylineLength } text ? Clean(text) : null;
    }

    private static DateTimeOffset? ReadPublished(IDocument document, LinkedData linkedData, TimeZoneInfo zone)
    {
        string?[] declared =
        [
            Meta(document, "article:published_time"),
            document.QuerySelector("[itemprop=datePublished]")?.GetAttribute("content"),
            linkedData.DatePublished,
            document.QuerySelector("time[datetime]")?.GetAttribute("datetime"),
        ];
        foreach (var text in declared)
        {
            if (Read(text, zone) is { } instant)
            {
                return instant;
            }
        }

        // Vietnamese sites often print the date only as text: "Thứ hai, 19/1/2026, 13:35 (GMT+7)".
        foreach (var element in document.QuerySelectorAll(".date, .time, .datetime, .date-time, .publish-date, .publish-time, .article-date, .post-date, .news-time, .ngay-dang, time, [class*=date], [class*=time]"))
        {
            if (Text(element) is { Length: > 0 and <= MaxBylineLength } text && VietnameseDateText.Find(text) is { } found && Read(found, zone) is { } instant)
            {
                return instant;
            }
        }

        return null;
    }

    private static DateTimeOffset? Read(string? text, TimeZoneInfo zone) =>
        FeedDateParser.TryParse(text, zone, out var reading, allowMonthFirst: false) ? reading.Value.ToUniversalTime() : null;

    private static string? ReadLanguage(IDocument document)
    {
        var lang = document.DocumentElement.GetAttribute("lang") ?? document.QuerySelector("meta[http-equiv='content-language' i]")?.GetAttribute("content");
        return string.IsNullOrWhiteSpace(lang) ? null : lang.Trim();
    }

    private static string? Meta(IDocument document, string name)
    {
        var content = (document.QuerySelector($"meta[property='{name}']") ?? document.QuerySelector($"meta[name='{name}']"))?.GetAttribute("content");
        return string.IsNullOrWhiteSpace(content) ? null : content.Trim();
    }

    private static string? Text(IElement? element) =>
        element is null ? null : ElementText.Of(element) is { Length: > 0 } text ? text : null;

    private static string Clean(string text) => ElementText.Collapse(text);
}
