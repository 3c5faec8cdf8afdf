using System.Text;
using System.Xml;

namespace FeedHub.Parsing;

/// <summary>
/// The few ways the format readers walk an XmlReader: into an element, child by child, and an element's
/// text, where markup a feed forgot to escape comes back as HTML instead of breaking the read.
/// </summary>
internal static class FeedXml
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    /// <summary>Steps into the current element.</summary>
    /// <returns>False when it is empty (and has been stepped over).</returns>
    public static bool Enter(XmlReader reader, out int depth)
    {
        depth = reader.Depth;
        var empty = reader.IsEmptyElement;
        reader.Read();
        return !empty;
    }

    /// <summary>Moves to the next child element of the element entered at <paramref name="depth"/>.</summary>
    /// <returns>False after the parent's end tag, which is consumed. A caller must consume each child it is given.</returns>
    public static bool NextChild(XmlReader reader, int depth, ParserLimits limits)
    {
        while (!reader.EOF)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.Depth == depth + 1:
                    if (reader.Depth > limits.MaxDepth)
                    {
                        throw new XmlException($"elements nested deeper than {limits.MaxDepth}");
                    }

                    return true;
                case XmlNodeType.EndElement when reader.Depth == depth:
                    reader.Read();
                    return false;
                case XmlNodeType.Element:
                    reader.Skip();
                    break;
                default:
                    reader.Read();
                    break;
            }
        }

        return false;
    }

    /// <summary>Whether the current element is in no namespace or in one of the RSS 0.90/1.0 namespaces.</summary>
    public static bool IsRssCore(XmlReader reader) =>
        reader.NamespaceURI.Length == 0 || reader.NamespaceURI is FeedNamespaces.Rss10 or FeedNamespaces.Rss090;

    /// <summary>The xml:base of the current element resolved against its parent's, else the parent's.</summary>
    public static Uri? Base(XmlReader reader, Uri? parent)
    {
        var declared = reader.GetAttribute("base", FeedNamespaces.Xml);
        if (string.IsNullOrWhiteSpace(declared) || !Uri.TryCreate(declared.Trim(), UriKind.RelativeOrAbsolute, out var uri))
        {
            return parent;
        }

        if (uri.IsAbsoluteUri && !uri.IsFile)
        {
            return uri;
        }

        return parent is { IsAbsoluteUri: true } && Uri.TryCreate(parent, declared.Trim(), out var combined) ? combined : parent;
    }

    /// <summary>Reads the current element's content as a string and moves past its end tag.</summary>
    /// <remarks>Child elements are written back as markup: it is how unescaped HTML in a description and Atom xhtml arrive.</remarks>
    /// <param name="markupExpected">The format allows markup here (Atom xhtml), so finding some is no repair.</param>
    public static string ReadText(XmlReader reader, FeedReading reading, bool markupExpected = false)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return string.Empty;
        }

        var depth = reader.Depth;
        var name = reader.Name;
        reader.Read();
        string? single = null;
        StringBuilder? text = null;
        while (!reader.EOF)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (single is null && text is null)
                    {
                        single = reader.Value;
                    }
                    else
                    {
                        (text ??= new StringBuilder(single)).Append(reader.Value);
                    }

                    reader.Read();
                    break;
                case XmlNodeType.Element:
                    if (!markupExpected)
                    {
                        reading.Warnings.Add($"<{name}> contained unescaped markup; read as HTML");
                    }

                    text ??= new StringBuilder(single);
                    WriteMarkup(reader, text, reading.Limits);
                    break;
                case XmlNodeType.EndElement when reader.Depth == depth:
                    reader.Read();
                    return reading.Limit(text?.ToString() ?? single ?? string.Empty);
                default:
                    reader.Read();
                    break;
            }
        }

        return reading.Limit(text?.ToString() ?? single ?? string.Empty);
    }

    /// <summary>Keeps the first value a feed gave for a field. Both are evaluated: the element is read either way, which the child loop relies on.</summary>
    public static T? First<T>(T? current, T? next)
        where T : class => current ?? next;

    /// <inheritdoc cref="First{T}(T, T)"/>
    public static DateTimeOffset? First(DateTimeOffset? current, DateTimeOffset? next) => current ?? next;

    /// <summary>Reads an attribute that holds a whole number, ignoring what is not one.</summary>
    public static long? LongAttribute(XmlReader reader, string name) =>
        long.TryParse(reader.GetAttribute(name)?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    /// <summary>Writes the current element and everything in it as HTML, and moves past it.</summary>
    private static void WriteMarkup(XmlReader reader, StringBuilder html, ParserLimits limits)
    {
        var start = reader.Depth;
        while (!reader.EOF)
        {
            if (reader.Depth > limits.MaxDepth)
            {
                throw new XmlException($"elements nested deeper than {limits.MaxDepth}");
            }

            var done = false;
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var name = reader.LocalName;
                    var empty = reader.IsEmptyElement;
                    html.Append('<').Append(name);
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            if (reader.Prefix != "xmlns" && reader.LocalName != "xmlns" && reader.NamespaceURI != FeedNamespaces.Xml)
                            {
                                html.Append(' ').Append(reader.LocalName).Append("=\"");
                                Escape(html, reader.Value, attribute: true);
                                html.Append('"');
                            }
                        }
                        while (reader.MoveToNextAttribute());

                        reader.MoveToElement();
                    }

                    html.Append('>');
                    if (empty && !VoidElements.Contains(name))
                    {
                        html.Append("</").Append(name).Append('>');
                    }

                    done = empty && reader.Depth == start;
                    break;
                case XmlNodeType.EndElement:
                    if (!VoidElements.Contains(reader.LocalName))
                    {
                        html.Append("</").Append(reader.LocalName).Append('>');
                    }

                    done = reader.Depth == start;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    Escape(html, reader.Value, attribute: false);
                    break;
                default:
                    break;
            }

            reader.Read();
            if (done)
            {
                return;
            }
        }
    }

    private static void Escape(StringBuilder html, string value, bool attribute)
    {
        foreach (var c in value)
        {
            _ = c switch
            {
                '&' => html.Append("&amp;"),
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                '"' when attribute => html.Append("&quot;"),
                _ => html.Append(c),
            };
        }
    }
}
