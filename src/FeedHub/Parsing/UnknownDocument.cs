using System.Xml;

namespace FeedHub.Parsing;

/// <summary>Explains in one line why a document that is neither a feed nor HTML was turned down.</summary>
internal static class UnknownDocument
{
    public static string Describe(byte[] body)
    {
        if (body.AsSpan().Trim(" \t\r\n\0"u8).IsEmpty || body.AsSpan().Trim(" \t\r\n\0"u8).SequenceEqual("\uFEFF"u8))
        {
            return "empty document";
        }

        try
        {
            using var reader = SafeXml.CreateReader(body);
            reader.MoveToContent();
            var root = reader.NamespaceURI.Length > 0 ? $"{{{reader.NamespaceURI}}}{reader.LocalName}" : reader.LocalName;
            return reader.LocalName == "rss"
                ? $"unsupported RSS version \"{reader.GetAttribute("version")}\""
                : $"not a feed: root element <{root}>";
        }
        catch (XmlException e)
        {
            return $"malformed XML: {e.Message.ReplaceLineEndings(" ").Trim()}";
        }
    }
}
