using System.Globalization;
using System.Text.Json;
using FeedHub.Contracts;

namespace FeedHub.Parsing;

/// <summary>
/// Reads JSON Feed 1.0 and 1.1. Items are read one at a time from a forward-only reader, so a document cut
/// off mid-way keeps every item that was complete.
/// </summary>
internal static class JsonFeedReader
{
    private static readonly JsonReaderOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    /// <param name="utf8">The document as UTF-8.</param>
    /// <returns>Null when the JSON is not a feed (no version naming JSON Feed and no items).</returns>
    public static string? Read(byte[] utf8, FeedReading reading)
    {
        var reader = new Utf8JsonReader(utf8, Options);
        var version = (string?)null;
        var sawItems = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "not a feed: JSON that is not an object";
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "version":
                        version = String(ref reader);
                        break;
                    case "items" when reader.TokenType == JsonTokenType.StartArray:
                        sawItems = true;
                        Items(ref reader, reading);
                        break;
                    default:
                        Header(name, ref reader, reading);
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            reading.Warnings.Add($"JSON is malformed or cut off ({OneLine(e.Message)}); kept the {reading.ItemCount} complete item(s) before it");
        }

        if (version is null || !version.Contains("jsonfeed.org", StringComparison.OrdinalIgnoreCase))
        {
            if (!sawItems)
            {
                return "not a feed: JSON without a JSON Feed version or items";
            }

            reading.Warnings.Add("JSON Feed version missing or unknown; read as JSON Feed 1.1");
        }

        return null;
    }

    private static void Header(string? name, ref Utf8JsonReader reader, FeedReading reading)
    {
        switch (name)
        {
            case "title":
                reading.Title = String(ref reader);
                break;
            case "home_page_url":
                reading.Link = String(ref reader);
                break;
            case "description":
                reading.Description = String(ref reader) is { } description ? TextAsHtml.Encode(description) : null;
                break;
            case "language":
                reading.Language = String(ref reader);
                break;
            case "author" or "authors":
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    reading.FeedAuthors.AddRange(Authors(document.RootElement));
                }

                break;
            default:
                reader.Skip();
                break;
        }
    }

    private static void Items(ref Utf8JsonReader reader, FeedReading reading)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                reading.AddItem(Item(document.RootElement, reading));
            }
            else
            {
                reading.Warnings.Add("an item that is not a JSON object skipped");
            }
        }
    }

    private static ItemDraft Item(JsonElement json, FeedReading reading)
    {
        var item = new ItemDraft(reading.Context.BaseUrl)
        {
            Id = Scalar(json, "id"),
            Link = Scalar(json, "url"),
            AlternateLink = Scalar(json, "external_url"),
            Title = Scalar(json, "title") is { } title ? reading.Limit(TextAsHtml.Encode(title)) : null,
            Content = Scalar(json, "content_html") ?? (Scalar(json, "content_text") is { } text ? TextAsHtml.Encode(text) : null),
            Summary = Scalar(json, "summary") is { } summary ? TextAsHtml.Encode(summary) : null,
            Published = reading.Dates.Read(Scalar(json, "date_published")),
            Updated = reading.Dates.Read(Scalar(json, "date_modified")),
        };
        item.Content = item.Content is null ? null : reading.Limit(item.Content);
        item.Authors.AddRange(Authors(json.TryGetProperty("authors", out var authors) ? authors : json.TryGetProperty("author", out var author) ? author : default));
        if (json.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array)
        {
            foreach (var tag in tags.EnumerateArray())
            {
                if (tag.ValueKind == JsonValueKind.String)
                {
                    item.Categories.Add(tag.GetString()!);
                }
            }
        }

        if (Scalar(json, "image") is { } image)
        {
            item.AddEnclosure(image, MediaTypes.ForImage(image), null);
        }

        if (json.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array)
        {
            foreach (var attachment in attachments.EnumerateArray())
            {
                if (attachment.ValueKind == JsonValueKind.Object)
                {
                    var size = attachment.TryGetProperty("size_in_bytes", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var n) ? n : (long?)null;
                    item.AddEnclosure(Scalar(attachment, "url"), Scalar(attachment, "mime_type"), size);
                }
            }
        }

        return item;
    }

    /// <summary>JSON Feed 1.0's single author object and 1.1's authors array.</summary>
    private static IEnumerable<FeedAuthor> Authors(JsonElement json)
    {
        var list = json.ValueKind switch
        {
            JsonValueKind.Array => json.EnumerateArray().ToList(),
            JsonValueKind.Object => [json],
            _ => [],
        };
        foreach (var author in list)
        {
            if (author.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var name = Scalar(author, "name");
            var url = Scalar(author, "url") is { } u && Uri.TryCreate(u.Trim(), UriKind.Absolute, out var uri) && !uri.IsFile ? uri : null;
            if (!string.IsNullOrWhiteSpace(name))
            {
                yield return new FeedAuthor(name.Trim(), null, url);
            }
        }
    }

    /// <summary>A string member, or a number written where a string belongs (ids often are).</summary>
    private static string? Scalar(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static string? String(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return reader.GetDouble().ToString(CultureInfo.InvariantCulture);
            default:
                reader.Skip();
                return null;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
