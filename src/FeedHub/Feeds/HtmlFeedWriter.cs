using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using FeedHub.Normalizing;

namespace FeedHub.Feeds;

/// <summary>
/// The merged feed as a page a person can read: each title linked to its origin, the outlet and time
/// beside it, a plain-text summary. Every value is HTML-encoded and summaries lose their markup, so
/// nothing a feed sends can run; the response's Content-Security-Policy forbids scripts as well.
/// </summary>
internal static class HtmlFeedWriter
{
    private const int SummaryLength = 400;

    // Vietnamese letters stay as they are (a page of &#x1EE7; is unreadable as source); markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style =
        "body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}" +
        "li{margin-bottom:1.25rem;list-style:none}ul{padding:0}.meta{color:#666;font-size:.9em}nav a{margin-right:1rem}";

    public static byte[] Write(MergedFeed feed, FeedAddress address)
    {
        var html = new StringBuilder(8192);
        html.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Encode(feed.Title)).Append("</title>");
        AppendAlternate(html, "application/rss+xml", "RSS", address.Newest(FeedOutput.Rss));
        AppendAlternate(html, "application/atom+xml", "Atom", address.Newest(FeedOutput.Atom));
        AppendAlternate(html, "application/feed+json", "JSON Feed", address.Newest(FeedOutput.Json));
        html.Append("<style>").Append(Style).Append("</style></head><body><header><h1>").Append(Encode(feed.Title)).Append("</h1>");
        if (feed.Description is { Length: > 0 } description)
        {
            html.Append("<p>").Append(Encode(description)).Append("</p>");
        }

        html.Append("<nav><a href=\"").Append(Encode(address.Newest(FeedOutput.Rss).AbsoluteUri)).Append("\">RSS</a>")
            .Append("<a href=\"").Append(Encode(address.Newest(FeedOutput.Atom).AbsoluteUri)).Append("\">Atom</a>")
            .Append("<a href=\"").Append(Encode(address.Newest(FeedOutput.Json).AbsoluteUri)).Append("\">JSON Feed</a></nav></header>\n<main><ul>\n");
        foreach (var item in feed.Items)
        {
            AppendItem(html, item);
        }

        html.Append("</ul>");
        if (feed.Items.Count == 0)
        {
            html.Append("<p>No items yet.</p>");
        }

        if (address.Next(FeedOutput.Html, feed) is { } older)
        {
            html.Append("<p><a rel=\"next\" href=\"").Append(Encode(older.AbsoluteUri)).Append("\">Older</a></p>");
        }

        html.Append("</main></body></html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static void AppendItem(StringBuilder html, MergedFeedItem item)
    {
        var title = Encode(item.Title);
        html.Append("<li><article><h2>");
        if (item.Link is { } link)
        {
            html.Append("<a href=\"").Append(Encode(link.AbsoluteUri)).Append("\">").Append(title).Append("</a>");
        }
        else
        {
            html.Append(title);
        }

        var time = item.Published ?? item.DiscoveredAt;
        html.Append("</h2><p class=\"meta\"><span class=\"source\">").Append(Encode(item.Source.Name)).Append("</span> · ")
            .Append("<time datetime=\"").Append(FeedTimestamps.Rfc3339(time)).Append("\">")
            .Append(Encode(ReaderTime.Format(time, item.Source))).Append("</time></p>");
        var summary = PlainText.FromHtml(item.Summary ?? item.Content);
        if (summary.Length > 0)
        {
            html.Append("<p>").Append(Encode(PlainText.Excerpt(summary, SummaryLength))).Append("</p>");
        }

        if (item.AlsoReportedBy.Count > 0)
        {
            html.Append(StoryCollapse.Paragraph(item.AlsoReportedBy, item.Source.IsVietnamese));
        }

        html.Append("</article></li>\n");
    }

    private static void AppendAlternate(StringBuilder html, string type, string title, Uri href) =>
        html.Append("<link rel=\"alternate\" type=\"").Append(type).Append("\" title=\"").Append(title)
            .Append("\" href=\"").Append(Encode(href.AbsoluteUri)).Append("\">");

    private static string Encode(string text) => Encoder.Encode(text);
}
