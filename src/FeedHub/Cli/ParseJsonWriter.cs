using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FeedHub.Parsing;

namespace FeedHub.Cli;

/// <summary>Writes a <see cref="ParseReport"/> as one line of the `feedhub parse --json` schema (CONTRACTS.md §1).</summary>
internal static class ParseJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Vietnamese and other non-ASCII text stays readable; the output is data, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static string Write(ParseReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            WriteReport(json, report);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// Writes the report's line, newline included, as UTF-8 straight into <paramref name="buffer"/>: on the way to
    /// stdout no UTF-16 string is built and encoded again. The writer is reset onto the buffer and reused by the caller.
    /// </summary>
    public static void WriteLine(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, ParseReport report)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(report);
        json.Reset(buffer);
        WriteReport(json, report);
        json.Flush();
        var newLine = Encoding.UTF8.GetBytes(Environment.NewLine);
        newLine.CopyTo(buffer.GetSpan(newLine.Length));
        buffer.Advance(newLine.Length);
    }

    /// <summary>A writer with the contract's options, for <see cref="WriteLine"/>.</summary>
    public static Utf8JsonWriter CreateWriter(IBufferWriter<byte> buffer) => new(buffer, Options);

    /// <summary>The contract's timestamp: UTC, seconds, fractions only when there are any.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) + "Z";

    private static void WriteReport(Utf8JsonWriter json, ParseReport report)
    {
        var feed = report.Feed;
        json.WriteStartObject();
        json.WriteString("file", report.File);
        json.WriteString("format", report.Format.ToContractName());
        json.WriteString("title", feed?.Title);
        json.WriteString("link", feed?.Link?.AbsoluteUri);
        json.WriteString("description", feed?.Description);
        json.WriteString("language", feed?.Language);
        WriteTimestamp(json, "updated", feed?.Updated);

        json.WriteStartArray("items");
        foreach (var item in feed?.Items ?? [])
        {
            json.WriteStartObject();
            json.WriteString("id", item.Key);
            json.WriteString("guid", item.FeedGuid);
            json.WriteString("link", item.Link?.AbsoluteUri);
            json.WriteString("title", item.Title);
            json.WriteString("summary", item.Summary);
            json.WriteString("content", item.Content);
            json.WriteStartArray("authors");
            foreach (var author in item.Authors)
            {
                json.WriteStartObject();
                json.WriteString("name", author.Name);
                json.WriteString("email", author.Email);
                json.WriteString("uri", author.Uri?.AbsoluteUri);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("categories");
            foreach (var category in item.Categories)
            {
                json.WriteStringValue(category);
            }

            json.WriteEndArray();
            WriteTimestamp(json, "published", item.Published);
            WriteTimestamp(json, "updated", item.Updated);
            json.WriteStartArray("enclosures");
            foreach (var enclosure in item.Enclosures)
            {
                json.WriteStartObject();
                json.WriteString("url", enclosure.Url.AbsoluteUri);
                json.WriteString("type", enclosure.Type);
                if (enclosure.Length is { } length)
                {
                    json.WriteNumber("length", length);
                }
                else
                {
                    json.WriteNull("length");
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("warnings");
        foreach (var warning in feed?.Warnings ?? [])
        {
            json.WriteStringValue(warning);
        }

        json.WriteEndArray();
        json.WriteString("error", report.Error);
        json.WriteEndObject();
    }

    private static void WriteTimestamp(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } instant)
        {
            json.WriteString(name, Timestamp(instant));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
