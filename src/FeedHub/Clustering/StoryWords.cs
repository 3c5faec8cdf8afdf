using System.Text;
using FeedHub.Normalizing;

namespace FeedHub.Clustering;

/// <summary>
/// The words a story is compared on: title then text, HTML stripped, case and diacritics folded (so NFC and NFD,
/// "hòa" and "hoà", "Đà Nẵng" and "DA NANG" are one word each), punctuation dropped, and common function
/// words left out because outlets add and remove them freely when they rewrite a sentence.
/// </summary>
internal static class StoryWords
{
    /// <summary>Enough of the text to tell stories apart; past the lead, rewrites diverge and copies get cut.</summary>
    public const int TextWordLimit = 60;

    // Folded syllables; each is frequent enough to be noise in a shingle and carries no story of its own.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "va", "la", "cua", "cac", "nhung", "duoc", "co", "cho", "voi", "nay", "da", "dang", "se", "trong", "mot",
        "thi", "ma", "de", "tai", "tu", "khi", "ve", "nhu", "cung", "bi", "boi", "nen", "rang", "o", "ra", "vao",
    };

    /// <summary>Title words, then at most <paramref name="textWordLimit"/> words of the text.</summary>
    public static List<string> Of(string? title, string? html, int textWordLimit = TextWordLimit)
    {
        var words = new List<string>(textWordLimit + 24);
        AppendWords(FoldedText.Of(title), words, int.MaxValue);
        AppendWords(FoldedText.Of(PlainText.FromHtml(html)), words, textWordLimit);
        return words;
    }

    /// <summary>Every word of folded text, function words included: what a name is looked for in.</summary>
    public static List<string> Tokens(string folded)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                tokens.Add(folded[start..i]);
                start = -1;
            }
        }

        return tokens;
    }

    private static void AppendWords(string folded, List<string> words, int limit)
    {
        var added = 0;
        var word = new StringBuilder(16);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }

            if (word.Length > 0 && !Flush(word, words, ref added, limit))
            {
                return;
            }
        }

        if (word.Length > 0)
        {
            Flush(word, words, ref added, limit);
        }
    }

    /// <returns>Whether more words may follow.</returns>
    private static bool Flush(StringBuilder word, List<string> words, ref int added, int limit)
    {
        var text = word.ToString();
        word.Clear();
        if (StopWords.Contains(text))
        {
            return true;
        }

        words.Add(text);
        return ++added < limit;
    }
}
