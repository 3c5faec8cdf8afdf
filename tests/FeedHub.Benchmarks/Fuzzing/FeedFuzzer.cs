using System.Diagnostics;
using System.Text;
using FeedHub.Normalizing;
using FeedHub.Parsing;

namespace FeedHub.Benchmarks.Fuzzing;

/// <summary>
/// Makes hostile inputs from good ones (bit flips, cuts, splices, the tokens parsers trip on) and random bytes,
/// and checks that parse + normalize never throws, never fails internally, and stays within a time bound.
/// Shared source: the test suite runs it for seconds, `fuzz` for minutes.
/// </summary>
internal sealed class FeedFuzzer(IReadOnlyList<byte[]> seeds, int seed)
{
    private static readonly byte[][] Tokens =
    [
        .. new[]
        {
            "<", ">", "&", "&amp;", "&nbsp;", "&#0;", "&#x110000;", "&#150;", "]]>", "<![CDATA[", "<!--", "-->", "<?xml version=\"1.0\"?>",
            "<!DOCTYPE x [<!ENTITY a \"&a;&a;\">]>", "<!ENTITY b SYSTEM \"file:///etc/passwd\">", "\0", "\u0001", "\uFEFF", "<item>", "</item>",
            "<entry>", "</entry>", "<channel>", "</channel>", "xmlns:media=\"http://search.yahoo.com/mrss/\"", "<media:group>", "<content:encoded>",
            "xml:base=\"../\"", "xml:base=\"javascript:alert(1)//\"", "<pubDate>Thứ hai, 31/02/2026 - 25:61</pubDate>", "<dc:date>99999999999999</dc:date>",
            "<description><![CDATA[<script>alert(1)</script><img src=x onerror=1>]]></description>", "{", "}", "[", "]", "\"items\":[", "\"version\":\"https://jsonfeed.org/version/1.1\"",
            "\\u0000", "\"", "<a href=\"", "javascript:", "data:image/png;base64,", "<iframe src=\"https://www.youtube.com/embed/x\">", "<div>", "</div>",
        }.Select(Encoding.UTF8.GetBytes),
    ];

    private readonly Random _random = new(seed);

    public byte[] Next()
    {
        if (seeds.Count == 0 || _random.Next(8) == 0)
        {
            var bytes = new byte[_random.Next(0, 2048)];
            _random.NextBytes(bytes);
            return bytes;
        }

        var data = new List<byte>(seeds[_random.Next(seeds.Count)]);
        var mutations = 1 + _random.Next(6);
        for (var m = 0; m < mutations; m++)
        {
            Mutate(data);
        }

        return [.. data];
    }

    private void Mutate(List<byte> data)
    {
        var at = data.Count == 0 ? 0 : _random.Next(data.Count);
        switch (_random.Next(7))
        {
            case 0 when data.Count > 0:
                data[at] ^= (byte)(1 << _random.Next(8));
                break;
            case 1 when data.Count > 0:
                data.RemoveRange(at, Math.Min(data.Count - at, 1 + _random.Next(64)));
                break;
            case 2:
                data.InsertRange(at, Tokens[_random.Next(Tokens.Length)]);
                break;
            case 3 when data.Count > 0:
                // Truncation: the commonest real breakage.
                data.RemoveRange(at, data.Count - at);
                break;
            case 4 when data.Count > 0:
                var length = Math.Min(data.Count - at, 1 + _random.Next(256));
                data.InsertRange(_random.Next(data.Count), data.GetRange(at, length));
                break;
            case 5 when seeds.Count > 0:
                var other = seeds[_random.Next(seeds.Count)];
                var from = _random.Next(other.Length + 1);
                data.InsertRange(at, other.Skip(from).Take(_random.Next(512)));
                break;
            default:
                if (data.Count > 0)
                {
                    data[at] = (byte)_random.Next(256);
                }

                break;
        }
    }

    /// <summary>Parses and normalizes one input.</summary>
    /// <returns>Null when all is well, else what went wrong.</returns>
    public static string? Check(byte[] input, FeedParser parser, ItemNormalizer normalizer, ParseContext context)
    {
        // A generous bound measured against the input's size: linear work on a slow shared machine, never minutes.
        var bound = TimeSpan.FromSeconds(5) + TimeSpan.FromMilliseconds(input.Length / 1000.0);
        var clock = Stopwatch.StartNew();
        try
        {
            var result = parser.Parse(input, context);
            if (result is FeedParseResult.Rejected { Reason: var reason } && reason.StartsWith("could not be read:", StringComparison.Ordinal))
            {
                return $"internal failure: {reason}";
            }

            if (result is FeedParseResult.Parsed parsed)
            {
                _ = normalizer.Normalize(parsed.Feed, context.BaseUrl);
            }
        }
#pragma warning disable CA1031 // The fuzzer's job is to report any exception at all.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return $"exception escaped: {e}";
        }

        return clock.Elapsed > bound ? $"took {clock.Elapsed.TotalSeconds:0.0} s for {input.Length} bytes" : null;
    }
}
