using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using FeedHub.Normalizing;
using FeedHub.Parsing;

namespace FeedHub.Benchmarks.Corpus;

/// <summary>The three ways of reading the same bytes that the benchmark compares.</summary>
internal sealed class CorpusReaders
{
    /// <summary>The fetch time the corpus's dates were generated against.</summary>
    public static readonly DateTimeOffset FetchedAt = new(2026, 1, 20, 0, 0, 0, TimeSpan.Zero);

    private static readonly XmlReaderSettings FloorSettings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    private readonly FeedParser _parser = new();
    private readonly ItemNormalizer _normalizer = new(new ContentSanitizer());

    /// <summary>
    /// The floor: an XmlReader that visits every node and attribute and materialises every value, the least any
    /// XML feed reader must do. JSON documents get the same from Utf8JsonReader.
    /// </summary>
    /// <returns>A checksum, so the work cannot be optimised away.</returns>
    public static long Floor(byte[] body)
    {
        long sum = 0;
        if (body[0] == (byte)'{')
        {
            var json = new Utf8JsonReader(body);
            while (json.Read())
            {
                if (json.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                {
                    sum += json.GetString()!.Length;
                }
            }

            return sum;
        }

        using var reader = XmlReader.Create(new MemoryStream(body, writable: false), FloorSettings);
        while (reader.Read())
        {
            if (reader.HasValue)
            {
                sum += reader.Value.Length;
            }

            while (reader.MoveToNextAttribute())
            {
                sum += reader.Value.Length;
            }
        }

        return sum;
    }

    /// <returns>The number of items, or -1 when SyndicationFeed rejects the document.</returns>
    public static int Syndication(byte[] body)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body, writable: false), FloorSettings);
            return SyndicationFeed.Load(reader).Items.Count();
        }
        catch (Exception e) when (e is XmlException or FormatException or ArgumentException or InvalidOperationException or NotSupportedException or OverflowException)
        {
            return -1;
        }
    }

    /// <summary>FeedHub's parse alone: reading, repairs and dates, without sanitizing or normalizing.</summary>
    public bool FeedHubParseOnly(byte[] body) =>
        _parser.Parse(body, new ParseContext(null, Vietnam, FetchedAt)) is FeedParseResult.Parsed;

    /// <summary>FeedHub's parse and normalize, sanitizing included, exactly as the service runs them.</summary>
    public NormalizedFeed? FeedHub(byte[] body) =>
        _parser.Parse(body, new ParseContext(null, Vietnam, FetchedAt)) is FeedParseResult.Parsed parsed
            ? _normalizer.Normalize(parsed.Feed, null)
            : null;
}
