namespace FeedHub.Parsing;

/// <summary>Reads the encoding named in an XML declaration, wherever junk before it has pushed it.</summary>
internal static class XmlDeclaration
{
    /// <summary>How far into a document a declaration is sought; junk before it is rarely longer.</summary>
    private const int SearchLength = 1024;

    public static string? Encoding(ReadOnlySpan<byte> body)
    {
        var head = body[..Math.Min(SearchLength, body.Length)];
        var start = head.IndexOf("<?xml"u8);
        if (start < 0)
        {
            return null;
        }

        var end = head[start..].IndexOf("?>"u8);
        var declaration = end < 0 ? head[start..] : head.Slice(start, end);
        var at = declaration.IndexOf("encoding"u8);
        if (at < 0)
        {
            return null;
        }

        var rest = declaration[(at + "encoding".Length)..].TrimStart(" \t\r\n="u8);
        if (rest.IsEmpty || (rest[0] != '"' && rest[0] != '\''))
        {
            return null;
        }

        var quote = rest[0];
        var close = rest[1..].IndexOf(quote);
        return close <= 0 ? null : System.Text.Encoding.ASCII.GetString(rest.Slice(1, close)).Trim();
    }
}
