using System.Buffers;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace FeedHub.Normalizing;

/// <summary>
/// NFC without the cost of ICU for text that is already NFC, which is nearly all of it. Feed text is mostly ASCII,
/// Latin-1, and (for Vietnamese) the precomposed letters of Latin Extended Additional; a string made only of such
/// characters is NFC by definition, because each of them is a starter that is NFC on its own and never the second
/// half of a composition. Only text with anything else is handed to <see cref="string.Normalize(NormalizationForm)"/>.
/// </summary>
/// <remarks>NfcTextTests proves the ranges below against the runtime's own Unicode data.</remarks>
internal static class NfcText
{
    /// <summary>U+0000–U+02FF as search values: the generic range search boxed its bounds on every call.</summary>
    private static readonly SearchValues<char> BelowCombiningMarks = SearchValues.Create(Enumerable.Range(0, 0x300).Select(c => (char)c).ToArray());

    /// <returns><paramref name="text"/> itself when it is already NFC, else its NFC form.</returns>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return IsCertainlyNfc(text) || text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    /// <summary>Whether every character is one that no normalization can change or combine with what precedes it.</summary>
    internal static bool IsCertainlyNfc(ReadOnlySpan<char> text)
    {
        var first = text.IndexOfAnyExcept(BelowCombiningMarks);
        if (first < 0)
        {
            return true;
        }

        // Vietnamese puts a letter from U+1E00–U+1EFF every few characters, so this runs over most text: a vector at a time.
        var rest = MemoryMarshal.Cast<char, ushort>(text[first..]);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + Vector256<ushort>.Count <= rest.Length; i += Vector256<ushort>.Count)
            {
                var v = Vector256.Create(rest.Slice(i, Vector256<ushort>.Count));
                var starters = Vector256.LessThan(v, Vector256.Create((ushort)0x0300))
                    | Vector256.LessThan(v - Vector256.Create((ushort)0x1E00), Vector256.Create((ushort)0x0100))
                    | Vector256.LessThan(v - Vector256.Create((ushort)0x2010), Vector256.Create((ushort)0x0018));
                if (starters != Vector256<ushort>.AllBitsSet)
                {
                    return false;
                }
            }
        }

        foreach (var c in rest[i..])
        {
            if (!IsCertainStarter((char)c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// U+0000–U+02FF (ASCII, Latin-1, Latin Extended-A and -B, IPA, spacing modifiers), U+1E00–U+1EFF (Latin
    /// Extended Additional: every Vietnamese letter with two marks), and the dashes, quotes and ellipsis of
    /// U+2010–U+2027.
    /// </summary>
    internal static bool IsCertainStarter(char c) =>
        c < '\u0300' || c is >= '\u1E00' and <= '\u1EFF' || c is >= '\u2010' and <= '\u2027';
}
