using System.Buffers;
using System.Text;

namespace FeedHub.Parsing;

/// <summary>
/// Plain text made safe to treat as HTML: only the characters that mean markup are escaped. Unlike
/// WebUtility.HtmlEncode it leaves letters such as "á" alone, so Vietnamese text stays text and later stages
/// need no HTML parser to read it back.
/// </summary>
internal static class TextAsHtml
{
    private static readonly SearchValues<char> Markup = SearchValues.Create("&<>\"");

    public static string Encode(string text)
    {
        var first = text.AsSpan().IndexOfAny(Markup);
        if (first < 0)
        {
            return text;
        }

        var html = new StringBuilder(text.Length + 16).Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            _ = c switch
            {
                '&' => html.Append("&amp;"),
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                '"' => html.Append("&quot;"),
                _ => html.Append(c),
            };
        }

        return html.ToString();
    }
}
