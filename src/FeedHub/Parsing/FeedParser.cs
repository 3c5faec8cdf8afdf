using System.Diagnostics.CodeAnalysis;

namespace FeedHub.Parsing;

/// <summary>Turns a fetched document into a <see cref="ParsedFeed"/>, or says plainly why it cannot.</summary>
/// <remarks>Stateless and thread-safe: one instance serves every source.</remarks>
internal sealed class FeedParser
{
    [SuppressMessage("Performance", "CA1822", Justification = "An instance so stages receive it by injection and can be given state later without changing callers.")]
    public FeedParseResult Parse(byte[] body, ParseContext context)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(context);

        var format = FeedFormat.Unknown;
        try
        {
            format = FeedFormatDetector.Detect(body);
            return format switch
            {
                FeedFormat.Rss20 or FeedFormat.Atom10 => SyndicationParser.Parse(body, format, context),
                FeedFormat.Html => new FeedParseResult.Rejected(format, "not a feed", AdvertisedFeeds.Find(body, context.BaseUrl)),
                FeedFormat.Unknown => new FeedParseResult.Rejected(format, UnknownDocument.Describe(body), []),
                _ => new FeedParseResult.Rejected(format, $"{format.ToContractName()} feeds are not supported yet", []),
            };
        }
#pragma warning disable CA1031 // Any byte sequence must come back as a result: a parser bug on one feed must not stop a poll cycle.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return new FeedParseResult.Rejected(format, $"could not be read: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}", []);
        }
    }
}
