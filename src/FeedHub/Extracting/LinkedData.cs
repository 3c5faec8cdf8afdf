using System.Text.Json;
using AngleSharp.Dom;

namespace FeedHub.Extracting;

/// <summary>The schema.org NewsArticle fields of a page's JSON-LD, wherever in its blocks, arrays or @graph they are.</summary>
internal sealed record LinkedData(string? Headline, string? Author, string? DatePublished)
{
    private static readonly LinkedData Empty = new(null, null, null);

    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static LinkedData Read(IDocument document)
    {
        var found = Empty;
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json' i]"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, Lenient);
                found = Merge(found, json.RootElement);
            }
            catch (JsonException)
            {
                // CMS templates emit broken JSON-LD often enough; the page's other metadata still counts.
            }
        }

        return found;
    }

    private static LinkedData Merge(LinkedData found, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    found = Merge(found, item);
                }

                return found;
            case JsonValueKind.Object:
                if (element.TryGetProperty("@graph", out var graph))
                {
                    found = Merge(found, graph);
                }

                return found with
                {
                    Headline = found.Headline ?? String(element, "headline"),
                    Author = found.Author ?? Name(element, "author"),
                    DatePublished = found.DatePublished ?? String(element, "datePublished"),
                };
            default:
                return found;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    /// <summary>schema.org allows a name, a Person, or a list of either.</summary>
    private static string? Name(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object => String(value, "name"),
            JsonValueKind.Array => value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : String(v, "name")).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)),
            _ => null,
        };
    }
}
