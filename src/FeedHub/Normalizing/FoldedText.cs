using System.Globalization;
using System.Text;

namespace FeedHub.Normalizing;

/// <summary>
/// Text folded for matching without regard to case or diacritics: "Thủ tướng" and "THU TUONG" fold
/// alike. Vietnamese đ is a letter of its own, not d with a mark, so Unicode decomposition leaves it;
/// readers typing without diacritics write d, so it folds to d.
/// </summary>
internal static class FoldedText
{
    public static string Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            folded.Append(c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            });
        }

        return folded.ToString();
    }

    /// <summary>
    /// The words of the folded text: runs of letters and digits, everything else a separator. This is how
    /// SQLite's unicode61 tokenizer and PostgreSQL's parser split text made only of such words and single
    /// spaces, so search matches the same words on every database.
    /// </summary>
    public static IEnumerable<string> Words(string? text)
    {
        var folded = Of(text);
        var word = new StringBuilder();
        foreach (var rune in folded.EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                word.Append(rune.ToString());
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    /// <summary>Whether <paramref name="foldedText"/> contains the keyword, both folded by <see cref="Of"/>.</summary>
    public static bool Contains(string foldedText, string foldedKeyword) =>
        foldedKeyword.Length > 0 && foldedText.Contains(foldedKeyword, StringComparison.Ordinal);

    /// <summary>Letters, numbers and private-use characters: unicode61's default token characters.</summary>
    private static bool IsWordRune(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.PrivateUse => true,
        _ => false,
    };
}
