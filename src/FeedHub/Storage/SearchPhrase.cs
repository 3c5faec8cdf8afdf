using FeedHub.Normalizing;

namespace FeedHub.Storage;

/// <summary>
/// Folded words that must appear next to each other, in this order, in an item's search text; the
/// last one only has to start a word ("gia va" finds "giá vàng"), the others must be whole words. A
/// one-word phrase is a word start: "viet" finds "Việt Nam" and "Vietnamese", "iet" finds neither.
/// </summary>
/// <remarks>
/// Words are letters and digits only (<see cref="FoldedText.Words"/>), so nothing a reader types can
/// reach the full-text query syntax of any database: quotes, *, -, parentheses and column filters are
/// separators, and AND, OR or NEAR are plain words.
/// </remarks>
internal sealed class SearchPhrase
{
    /// <summary>Words past this many in one query are ignored, which bounds the work one request can ask for.</summary>
    public const int MaxWordsPerQuery = 16;

    /// <summary>A longer word is cut to this many characters, still matched as a word start.</summary>
    public const int MaxWordLength = 100;

    private SearchPhrase(IReadOnlyList<string> words) => Words = words;

    public IReadOnlyList<string> Words { get; }

    /// <summary>The words with single spaces between them, as they appear in the search text.</summary>
    public string Text => string.Join(' ', Words);

    /// <summary>A keyword of a merged feed: all its words as one phrase; null when it has no words.</summary>
    public static SearchPhrase? Of(string? keyword)
    {
        var words = QueryWords(keyword).ToList();
        return words.Count == 0 ? null : new SearchPhrase(words);
    }

    /// <summary>A reader's query: each word a phrase of its own, to be found in any order.</summary>
    public static IReadOnlyList<SearchPhrase> EachWordOf(string? query) =>
        [.. QueryWords(query).Distinct(StringComparer.Ordinal).Select(w => new SearchPhrase([w]))];

    /// <summary>Keywords as phrases, repeats and keywords without words dropped.</summary>
    public static IReadOnlyList<SearchPhrase> AllOf(IEnumerable<string> keywords) =>
        [.. keywords.Select(Of).OfType<SearchPhrase>().DistinctBy(p => p.Text, StringComparer.Ordinal)];

    private static IEnumerable<string> QueryWords(string? text) =>
        FoldedText.Words(text).Take(MaxWordsPerQuery).Select(Cut);

    private static string Cut(string word) => word.Length <= MaxWordLength
        ? word
        : word[..(char.IsHighSurrogate(word[MaxWordLength - 1]) ? MaxWordLength - 1 : MaxWordLength)];
}
