using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FeedHub.Extracting;

namespace FeedHub.Cli;

/// <summary>The `extract --json` object of CONTRACTS.md: exactly title, author, published, text, html, language.</summary>
internal static class ExtractJsonWriter
{
    // Vietnamese text stays readable; the output is a terminal or a file, never inline HTML.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(ExtractedArticle article)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("title", article.Title);
            json.WriteString("author", article.Author);
            if (article.Published is { } published)
            {
                json.WriteString("published", ParseJsonWriter.Timestamp(published));
            }
            else
            {
                json.WriteNull("published");
            }

            json.WriteString("text", article.Text);
            json.WriteString("html", article.Html);
            json.WriteString("language", article.Language);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
