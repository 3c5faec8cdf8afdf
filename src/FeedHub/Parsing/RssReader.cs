using System.Xml;

namespace FeedHub.Parsing;

/// <summary>Reads &lt;rss&gt; documents: RSS 0.91 to 0.94 and 2.0, which differ in what is optional, not in shape.</summary>
internal static class RssReader
{
    /// <summary>Reads from the root element on.</summary>
    public static void Read(XmlReader reader, FeedReading reading)
    {
        var rootBase = FeedXml.Base(reader, reading.Context.BaseUrl);
        if (!FeedXml.Enter(reader, out var depth))
        {
            return;
        }

        while (FeedXml.NextChild(reader, depth, reading.Limits))
        {
            if (reader.LocalName == "channel" && FeedXml.IsRssCore(reader))
            {
                Channel(reader, reading, FeedXml.Base(reader, rootBase));
            }
            else if (reader.LocalName == "item" && FeedXml.IsRssCore(reader))
            {
                // Some generators close the channel before the items; the items are still the feed's.
                RssItemReader.Read(reader, reading, rootBase);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private static void Channel(XmlReader reader, FeedReading reading, Uri? channelBase)
    {
        if (!FeedXml.Enter(reader, out var depth))
        {
            return;
        }

        while (FeedXml.NextChild(reader, depth, reading.Limits))
        {
            if (reader.LocalName == "item" && FeedXml.IsRssCore(reader))
            {
                RssItemReader.Read(reader, reading, channelBase);
            }
            else if (!RssChannelFields.TryRead(reader, reading))
            {
                reader.Skip();
            }
        }
    }
}
