using System.Text.Encodings.Web;
using System.Text.Json;

namespace FeedHub.Feeds;

/// <summary>Writes a merged feed as JSON Feed 1.1; the outlet travels in the <c>_feedhub</c> extension.</summary>
internal static class JsonFeedWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(MergedFeed feed, FeedAddress address)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("version", "https://jsonfeed.org/version/1.1");
            json.WriteString("title", feed.Title);
            json.WriteString("home_page_url", address.Newest(FeedOutput.Html).AbsoluteUri);
            json.WriteString("feed_url", address.Self(FeedOutput.Json).AbsoluteUri);
            if (address.Next(FeedOutput.Json, feed) is { } next)
            {
                json.WriteString("next_url", next.AbsoluteUri);
            }

            if (feed.Description is { } description)
            {
                json.WriteString("description", description);
            }

            json.WriteStartArray("items");
            foreach (var item in feed.Items)
            {
                WriteItem(json, item);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteItem(Utf8JsonWriter json, MergedFeedItem item)
    {
        json.WriteStartObject();
        json.WriteString("id", FeedTimestamps.IdOf(item.Id));
        if (item.Link is { } link)
        {
            json.WriteString("url", link.AbsoluteUri);
        }

        json.WriteString("title", item.Title);
        if ((item.ContentWithRetellings ?? item.SummaryWithRetellings) is { Length: > 0 } html)
        {
            json.WriteString("content_html", html);
        }
        else
        {
            json.WriteString("content_text", item.Title);
        }

        if (item.Published is { } published)
        {
            json.WriteString("date_published", FeedTimestamps.Rfc3339(published));
        }

        json.WriteString("date_modified", FeedTimestamps.Rfc3339(FeedTimestamps.UpdatedOf(item)));
        WriteAuthors(json, item);
        if (item.Categories.Count > 0)
        {
            json.WriteStartArray("tags");
            foreach (var category in item.Categories)
            {
                json.WriteStringValue(category);
            }

            json.WriteEndArray();
        }

        WriteAttachments(json, item);
        json.WriteStartObject("_feedhub");
        json.WriteStartObject("source");
        json.WriteString("id", item.Source.Id);
        json.WriteString("name", item.Source.Name);
        json.WriteString("title", item.Source.Title);
        json.WriteString("feed_url", item.Source.Url.AbsoluteUri);
        if (item.Source.SiteLink is { } site)
        {
            json.WriteString("home_page_url", site.AbsoluteUri);
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteAuthors(Utf8JsonWriter json, MergedFeedItem item)
    {
        json.WriteStartArray("authors");
        foreach (var author in item.Credits)
        {
            json.WriteStartObject();
            json.WriteString("name", author.Name);
            if (author.Uri is { } uri)
            {
                json.WriteString("url", uri.AbsoluteUri);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteAttachments(Utf8JsonWriter json, MergedFeedItem item)
    {
        if (item.Enclosures.Count == 0)
        {
            return;
        }

        json.WriteStartArray("attachments");
        foreach (var enclosure in item.Enclosures)
        {
            json.WriteStartObject();
            json.WriteString("url", enclosure.Url.AbsoluteUri);
            json.WriteString("mime_type", enclosure.Type ?? "application/octet-stream");
            if (enclosure.Length is { } length)
            {
                json.WriteNumber("size_in_bytes", length);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
