using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace FeedHub.Parsing;

/// <summary>
/// When a document breaks (cut off, a tag left open, an undeclared prefix), reads its items one by one from
/// the text, so every complete item survives the break as it would in a forgiving reader.
/// </summary>
internal static partial class ItemSalvage
{
    /// <summary>Text elements whose content may carry raw HTML that breaks XML; wrapped in CDATA on a second try.</summary>
    private static readonly string[] HtmlElements = ["description", "content:encoded", "summary", "content", "title", "itunes:summary", "media:description"];

    public static void Salvage(string text, FeedReading reading, XmlException error)
    {
        var streamed = reading.ItemCount;
        reading.ClearItems();
        var tag = reading.Format is FeedFormat.Atom10 or FeedFormat.Atom03 ? "entry" : "item";
        var namespaces = RootNamespaces(text, reading.Format);
        int salvaged = 0, broken = 0;
        var position = 0;
        var closes = new CloseFinder(text, $"</{tag}>");
        while (Next(text, tag, position, closes) is var (start, end, closed) && start >= 0)
        {
            position = end;
            if (end < 0)
            {
                // The last item has no end: the document was cut off inside it.
                break;
            }

            var fragment = closed ? text[start..end] : string.Concat(text.AsSpan(start, end - start), $"</{tag}>");
            if (!closed)
            {
                reading.Warnings.Add($"an <{tag}> was not closed; closed it before the next one");
            }

            if (TryRead(fragment, namespaces, reading) || TryRead(WrapHtml(fragment), namespaces, reading))
            {
                salvaged++;
            }
            else
            {
                broken++;
            }
        }

        reading.Warnings.Add(
            $"XML is malformed or cut off ({error.Message.ReplaceLineEndings(" ").Trim()}); "
            + $"salvaged {salvaged} item(s) one by one{(broken > 0 ? $", {broken} beyond repair dropped" : string.Empty)}");
        if (salvaged < streamed)
        {
            reading.Warnings.Add($"{streamed - salvaged} item(s) read before the break could not be read again");
        }
    }

    private static bool TryRead(string fragment, XmlNamespaceManager namespaces, FeedReading reading)
    {
        var before = reading.ItemCount;
        try
        {
            using var reader = FeedDocument.CreateFragmentReader(fragment, namespaces);
            reader.MoveToContent();
            if (reading.Format is FeedFormat.Atom10 or FeedFormat.Atom03)
            {
                AtomReader.ReadEntry(reader, reading, reading.Context.BaseUrl);
            }
            else
            {
                RssItemReader.Read(reader, reading, reading.Context.BaseUrl);
            }

            return true;
        }
        catch (XmlException)
        {
            // The item was added only if it was read to its end; one that broke half-way is not half-kept.
            return reading.ItemCount > before;
        }
    }

    /// <summary>Finds the next item: its start, its end, and whether its own end tag closed it.</summary>
    /// <returns>start -1 when there are no more items; end -1 when the last one never ends.</returns>
    private static (int Start, int End, bool Closed) Next(string text, string tag, int from, CloseFinder closes)
    {
        var start = FindOpen(text, tag, from);
        if (start < 0)
        {
            return (-1, -1, false);
        }

        var close = closes.After(start);
        var following = FindOpen(text, tag, start + tag.Length + 1);
        if (close >= 0 && (following < 0 || close < following))
        {
            return (start, close + tag.Length + 3, true);
        }

        return following >= 0 ? (start, following, false) : (start, -1, false);
    }

    private static int FindOpen(string text, string tag, int from)
    {
        var open = "<" + tag;
        for (var i = text.IndexOf(open, from, StringComparison.Ordinal); i >= 0; i = text.IndexOf(open, i + 1, StringComparison.Ordinal))
        {
            var after = i + open.Length;
            if (after < text.Length && (text[after] is '>' or '/' || char.IsWhiteSpace(text[after])))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The namespaces of the root element, plus the usual prefixes for feeds that use them undeclared.</summary>
    private static XmlNamespaceManager RootNamespaces(string text, FeedFormat format)
    {
        var namespaces = new XmlNamespaceManager(new NameTable());
        var root = FirstElement(text);
        foreach (Match m in NamespaceDeclaration().Matches(root))
        {
            var prefix = m.Groups["prefix"].Success ? m.Groups["prefix"].Value : string.Empty;
            if (prefix != "xml" && prefix != "xmlns")
            {
                namespaces.AddNamespace(prefix, m.Groups["uri"].Value);
            }
        }

        if (format is FeedFormat.Atom10 && namespaces.DefaultNamespace.Length == 0)
        {
            namespaces.AddNamespace(string.Empty, FeedNamespaces.Atom10);
        }

        foreach (var (prefix, uri) in FeedNamespaces.WellKnownPrefixes)
        {
            if (namespaces.LookupNamespace(prefix) is null)
            {
                namespaces.AddNamespace(prefix, uri);
            }
        }

        return namespaces;
    }

    private static string FirstElement(string text)
    {
        for (var i = text.IndexOf('<', StringComparison.Ordinal); i >= 0 && i + 1 < text.Length; i = text.IndexOf('<', i + 1))
        {
            if (char.IsAsciiLetter(text[i + 1]))
            {
                var end = text.IndexOf('>', i);
                return end < 0 ? text[i..] : text[i..end];
            }
        }

        return string.Empty;
    }

    /// <summary>Wraps the content of HTML-carrying elements in CDATA, so raw unbalanced HTML in them is text again.</summary>
    /// <remarks>Each element name's next occurrence is only ever searched forward, which keeps this linear.</remarks>
    private static string WrapHtml(string fragment)
    {
        var output = new StringBuilder(fragment.Length + 64);
        var next = HtmlElements.Select(name => FindOpenTag(fragment, name, 0)).ToArray();
        var position = 0;
        while (true)
        {
            var k = -1;
            for (var j = 0; j < next.Length; j++)
            {
                if (next[j] >= 0 && (k < 0 || next[j] < next[k]))
                {
                    k = j;
                }
            }

            if (k < 0)
            {
                break;
            }

            var name = HtmlElements[k];
            var tagEnd = fragment.IndexOf('>', next[k]);
            var close = tagEnd < 0 ? -1 : fragment.IndexOf($"</{name}>", tagEnd, StringComparison.Ordinal);
            if (close < 0)
            {
                break;
            }

            if (fragment[tagEnd - 1] != '/')
            {
                var content = fragment.AsSpan(tagEnd + 1, close - tagEnd - 1);
                output.Append(fragment, position, tagEnd + 1 - position);
                if (content.Contains('<') && !content.TrimStart().StartsWith("<![CDATA[", StringComparison.Ordinal))
                {
                    output.Append("<![CDATA[").Append(content.ToString().Replace("]]>", "]]&gt;", StringComparison.Ordinal)).Append("]]>");
                }
                else
                {
                    output.Append(content);
                }

                position = close;
            }

            for (var j = 0; j < next.Length; j++)
            {
                if (next[j] >= 0 && next[j] < Math.Max(position, tagEnd))
                {
                    next[j] = FindOpenTag(fragment, HtmlElements[j], Math.Max(position, tagEnd));
                }
            }
        }

        output.Append(fragment, position, fragment.Length - position);
        return output.ToString();
    }

    private static int FindOpenTag(string fragment, string name, int from)
    {
        var open = "<" + name;
        for (var i = fragment.IndexOf(open, from, StringComparison.Ordinal); i >= 0; i = fragment.IndexOf(open, i + 1, StringComparison.Ordinal))
        {
            var after = i + open.Length;
            if (after < fragment.Length && fragment[after] is '>' or ' ' or '\t' or '\r' or '\n')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Finds end tags forward only: items left open would otherwise make every search run to the same far end tag.</summary>
    private sealed class CloseFinder(string text, string closeTag)
    {
        private int _found = -2;

        public int After(int start)
        {
            if (_found == -1 || (_found >= start))
            {
                return _found;
            }

            _found = text.IndexOf(closeTag, start, StringComparison.Ordinal);
            return _found;
        }
    }

    [GeneratedRegex(@"xmlns(?::(?<prefix>[A-Za-z_][\w.\-]*))?\s*=\s*[""'](?<uri>[^""']*)[""']")]
    private static partial Regex NamespaceDeclaration();
}
