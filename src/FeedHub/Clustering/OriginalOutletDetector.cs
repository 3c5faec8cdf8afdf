using System.Text.RegularExpressions;
using FeedHub.Normalizing;

namespace FeedHub.Clustering;

/// <summary>
/// The outlet a republished story credits: "Theo Báo Chính phủ", "(Theo VnExpress)", "Nguồn: Tuổi Trẻ". A credit
/// stands on its own — the last sentence or paragraph, or a parenthesis at the very start or end — and is a short
/// name starting with a capital. "Theo đó, …", "Theo ông A, …" and "theo quy định" are sentences, not credits.
/// </summary>
internal static partial class OriginalOutletDetector
{
    private const int MaxNameWords = 6;

    // Folded first words of capitalised phrases that follow "Theo" without naming an outlet.
    private static readonly HashSet<string> NotOutlets = new(StringComparer.Ordinal)
    {
        "do", "ong", "ba", "anh", "chi", "quy", "nghi", "quyet", "thong", "ke", "luat", "chuong", "ket", "du", "nhu",
    };

    /// <returns>The credited outlet's name in NFC ("Báo Chính phủ"), or null when the text credits none.</returns>
    public static string? Detect(string? textOrHtml)
    {
        var text = PlainText.FromHtml(textOrHtml).TrimEnd();
        if (text.Length == 0)
        {
            return null;
        }

        return FromParenthesis(EndParenthesis().Match(text))
            ?? FromParenthesis(StartParenthesis().Match(text))
            ?? FromCredit(LastSentence(text), parenthesized: false);
    }

    private static string? FromParenthesis(Match match) =>
        match.Success ? FromCredit(match.Groups["credit"].Value, parenthesized: true) : null;

    /// <summary>What follows the last full stop, question or exclamation mark, without its own closing stop.</summary>
    private static string LastSentence(string text)
    {
        var body = text.TrimEnd('.', '…', ' ');
        var end = body.LastIndexOfAny(['.', '!', '?', '…', '\n']);
        return body[(end + 1)..].Trim();
    }

    private static string? FromCredit(string credit, bool parenthesized)
    {
        var match = Credit().Match(credit);
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["name"].Value.Trim().TrimEnd('.', ';', ',', ':', ')', ']', '"', '”', ' ');
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > MaxNameWords || name.Contains(',', StringComparison.Ordinal)
            || NotOutlets.Contains(FoldedText.Of(words[0])))
        {
            return null;
        }

        // Outside a parenthesis, the capital is what tells "Theo TTXVN" from "theo quy định".
        return parenthesized || char.IsUpper(name[0]) || char.IsAsciiDigit(name[0]) ? name : null;
    }

    // Applied to NFC text (PlainText.FromHtml normalizes), so "Nguồn" is one spelling here whatever the feed sent.
    [GeneratedRegex(@"^(?:theo|nguồn(?:\s+tin)?|nguồn\s+tham\s+khảo)\s*:?\s+(?<name>\S.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Credit();

    [GeneratedRegex(@"[(\[](?<credit>[^()\[\]]{3,80})[)\]][.\s]*$", RegexOptions.CultureInvariant)]
    private static partial Regex EndParenthesis();

    [GeneratedRegex(@"^[(\[](?<credit>[^()\[\]]{3,80})[)\]]", RegexOptions.CultureInvariant)]
    private static partial Regex StartParenthesis();
}
