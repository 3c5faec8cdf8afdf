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

    // Folded first words that make a name a press title.
    private static readonly HashSet<string> PressTitles = new(StringComparer.Ordinal) { "bao", "dai", "tap", "thong", "kenh", "tuan" };

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
            ?? FromCredit(LastSentence(text), parenthesized: false)
            ?? FromLeadingClause(LeadingCredit().Match(text));
    }

    /// <summary>
    /// "Theo VnExpress, …" credits an outlet; "Theo Bộ Y tế, …" cites a data source. At the head of a sentence
    /// only a name that looks like an outlet counts: a press title ("Báo …", "Đài …"), an acronym ("TTXVN"),
    /// or a brand written in Latin letters ("VnExpress", "Reuters").
    /// </summary>
    private static string? FromLeadingClause(Match match)
    {
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["name"].Value.Trim();
        var first = name.Split(' ')[0];
        var outletLike = PressTitles.Contains(FoldedText.Of(first))
            || (first.Count(char.IsLetter) >= 2 && first.Where(char.IsLetter).All(char.IsUpper))
            || (first.Length >= 3 && first.All(char.IsAsciiLetterOrDigit) && char.IsUpper(first[0]) && first.Skip(1).Any(char.IsUpper));
        return outletLike && name.Split(' ').Length <= MaxNameWords ? name : null;
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

    [GeneratedRegex(@"^theo\s+(?<name>[^,.;:()]{2,60}),", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingCredit();

    [GeneratedRegex(@"[(\[](?<credit>[^()\[\]]{3,80})[)\]][.\s]*$", RegexOptions.CultureInvariant)]
    private static partial Regex EndParenthesis();

    [GeneratedRegex(@"^[(\[](?<credit>[^()\[\]]{3,80})[)\]]", RegexOptions.CultureInvariant)]
    private static partial Regex StartParenthesis();
}
