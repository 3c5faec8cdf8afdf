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

    /// <summary>Whether <paramref name="foldedText"/> contains the keyword, both folded by <see cref="Of"/>.</summary>
    public static bool Contains(string foldedText, string foldedKeyword) =>
        foldedKeyword.Length > 0 && foldedText.Contains(foldedKeyword, StringComparison.Ordinal);
}
