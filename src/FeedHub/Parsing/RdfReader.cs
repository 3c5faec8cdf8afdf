using System.Xml;

namespace FeedHub.Parsing;

/// <summary>Reads RSS 1.0 and 0.90, RDF documents whose channel and items are siblings under rdf:RDF.</summary>
internal static class RdfReader
{
    /// <summary>Reads from the rdf:RDF root element on.</summary>
    public static void Read(XmlReader reader, FeedReading reading)
    {
        var rootBase = FeedXml.Base(reader, reading.Context.BaseUrl);
        if (!FeedXml.Enter(reader, out var depth))
        {
            return;
        }

        while (FeedXml.NextChild(reader, depth, reading.Limits))
        {
            if (!FeedXml.IsRssCore(reader))
            {
                reader.Skip();
                continue;
            }

            switch (reader.LocalName)
            {
                case "channel":
                    Channel(reader, reading);
                    break;
                case "item":
                    RssItemReader.Read(reader, reading, rootBase);
                    break;
                default:
                    // image, textinput: nothing in the schema holds them.
                    reader.Skip();
                    break;
            }
        }
    }

    private static void Channel(XmlReader reader, FeedReading reading)
    {
        if (!FeedXml.Enter(reader, out var depth))
        {
            return;
        }

        while (FeedXml.NextChild(reader, depth, reading.Limits))
        {
            // The channel's rdf:Seq of item URIs only repeats what the item elements say.
            if (!RssChannelFields.TryRead(reader, reading))
            {
                reader.Skip();
            }
        }
    }
}
