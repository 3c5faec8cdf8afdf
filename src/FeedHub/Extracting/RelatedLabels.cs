using FeedHub.Normalizing;

namespace FeedHub.Extracting;

/// <summary>
/// The headings Vietnamese news sites put over lists of other articles. Matched folded (case and diacritics
/// removed, NFC and NFD alike) so "TIN LIÊN QUAN", "Tin liên quan:" and "Tin lien quan" are the same label.
/// </summary>
internal static class RelatedLabels
{
    private static readonly string[] Labels =
    [
        "tin lien quan", "bai viet lien quan", "bai lien quan", "tin moi hon", "tin cu hon", "tin moi nhat", "tin moi", "tin khac",
        "cac tin khac", "doc nhieu", "xem nhieu", "xem them", "doc them", "cung chuyen muc", "tin cung chuyen muc",
        "co the ban quan tam", "ban co the quan tam", "tin noi bat", "tin hot", "tin da dua", "tieu diem",
    ];

    /// <summary>A label may run on a little: "Đọc nhiều nhất", "Tin khác cùng chuyên mục", "Xem thêm:".</summary>
    private const int MaxRunOn = 20;

    /// <summary>Whether the whole text is one of the labels, perhaps with a colon, an arrow or a few more words.</summary>
    public static bool IsLabel(string text)
    {
        if (text.Length == 0 || text.Length > 60)
        {
            return false;
        }

        var folded = Fold(text);
        return Labels.Any(label => folded == label || (folded.StartsWith(label + " ", StringComparison.Ordinal) && folded.Length <= label.Length + MaxRunOn));
    }

    /// <summary>Whether the text opens with a label, as in "Xem thêm: Giá vàng hôm nay tăng mạnh".</summary>
    public static bool StartsWithLabel(string text)
    {
        var folded = Fold(text);
        return Labels.Any(label => folded.StartsWith(label, StringComparison.Ordinal)
            && (folded.Length == label.Length || !char.IsLetterOrDigit(folded[label.Length])));
    }

    private static string Fold(string text) =>
        string.Join(' ', FoldedText.Of(text).Split([' ', '\u00A0'], StringSplitOptions.RemoveEmptyEntries))
            .Trim(' ', ':', '-', '–', '»', '>', '|', '.', '•', '/');
}
