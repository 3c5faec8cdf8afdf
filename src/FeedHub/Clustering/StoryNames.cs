using System.Text;
using FeedHub.Normalizing;

namespace FeedHub.Clustering;

/// <summary>
/// The names a story mentions — places, people, companies — found the way a reader spots them in Vietnamese:
/// capitalised syllables that do not begin a sentence ("ở Đồng Nai", "Tập đoàn Hòa Phát"), consecutive ones
/// taken as one name. Returned folded, so "ĐỒNG NAI" in one feed is "Đồng Nai" in another. A title written all
/// in capitals or capitalising every word says nothing of names and is skipped. Only telling names are kept:
/// two or more syllables ("Nghệ An"), an acronym ("EVN"), or a foreign word ("Masan"); a lone capitalised
/// Vietnamese syllable is as often the head of a common noun ("Bộ", "Luật Bảo hiểm") as a name.
/// </summary>
internal static class StoryNames
{
    public static HashSet<string> Of(string? title, string? plainLead)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(title) && !IsCapitalisedThroughout(title))
        {
            Collect(title, names);
        }

        Collect(plainLead, names);
        return names;
    }

    private static void Collect(string? text, HashSet<string> names)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var name = new StringBuilder();
        var sentenceStart = true;
        foreach (var token in text.Split([' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            var word = token.Trim('(', ')', '"', '“', '”', '\'', '‘', '’', '[', ']', ',', ';', ':', '.', '!', '?', '…');
            var capitalised = word.Length > 0 && char.IsUpper(word[0]);
            if (capitalised && !sentenceStart)
            {
                name.Append(name.Length > 0 ? " " : string.Empty).Append(word);
            }
            else
            {
                Flush(name, names);
            }

            // A name ends where its sentence or clause does.
            if (token.Length > 0 && token[^1] is ',' or ';' or ':' or '.' or '!' or '?' or ')' or '…')
            {
                Flush(name, names);
            }

            sentenceStart = token.Length > 0 && token[^1] is '.' or '!' or '?' or ':' or '…' && !token.EndsWith("TP.", StringComparison.Ordinal);
        }

        Flush(name, names);
    }

    private static void Flush(StringBuilder name, HashSet<string> names)
    {
        if (name.Length == 0)
        {
            return;
        }

        var text = name.ToString();
        name.Clear();
        var words = StoryWords.Tokens(FoldedText.Of(text));
        if (words.Count >= 2 || IsAcronym(text) || IsForeignWord(text))
        {
            names.Add(string.Join(' ', words));
        }
    }

    private static bool IsAcronym(string word) => word.Count(char.IsLetter) >= 2 && word.Where(char.IsLetter).All(char.IsUpper);

    private static bool IsForeignWord(string word) => word.Length >= 4 && word.All(char.IsAsciiLetter);

    private static bool IsCapitalisedThroughout(string title)
    {
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsLetter(w[0])).ToList();
        return words.Count > 0 && words.Count(w => char.IsUpper(w[0])) >= 0.7 * words.Count;
    }
}
