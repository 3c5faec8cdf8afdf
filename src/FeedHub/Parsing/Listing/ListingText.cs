using System.Text.RegularExpressions;
using AngleSharp.Dom;
using FeedHub.Normalizing;

namespace FeedHub.Parsing.Listing;

/// <summary>The text an element shows, on one line; its title attribute when it shows none (an image link).</summary>
internal static partial class ListingText
{
    public static string Of(IElement element)
    {
        var text = Collapse(element.TextContent);
        if (text.Length == 0)
        {
            text = Collapse(element.GetAttribute("title") ?? element.QuerySelector("img[alt]")?.GetAttribute("alt"));
        }

        return NfcText.Normalize(text);
    }

    private static string Collapse(string? text) => text is null ? string.Empty : Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"[\s\u00A0\u200B]+")]
    private static partial Regex Whitespace();
}
