using System.Globalization;
using System.Text;
using FeedHub.Normalizing;
using Xunit;

namespace FeedHub.Tests.Normalizing;

public sealed class NfcTextTests
{
    /// <summary>
    /// Proves the fast path's ranges against the runtime's Unicode data: every character it trusts is no mark,
    /// is its own NFC form, and is never a non-first part of any character's canonical decomposition (so it can
    /// never compose with what precedes it).
    /// </summary>
    [Fact]
    public void Trusted_characters_can_never_change_under_NFC()
    {
        var composedIntoSomething = new HashSet<char>();
        for (var c = 0; c <= 0xFFFF; c++)
        {
            if (c is >= 0xD800 and <= 0xDFFF || CharUnicodeInfo.GetUnicodeCategory((char)c) == UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }

            var decomposed = ((char)c).ToString().Normalize(NormalizationForm.FormD);
            foreach (var part in decomposed.AsSpan(1))
            {
                composedIntoSomething.Add(part);
            }
        }

        for (var c = 0; c <= 0xFFFF; c++)
        {
            var ch = (char)c;
            if (!NfcText.IsCertainStarter(ch) || c is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            Assert.False(category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark, $"U+{c:X4} is a mark");
            Assert.True(ch.ToString().Normalize(NormalizationForm.FormC) == ch.ToString(), $"U+{c:X4} is not its own NFC form");
            Assert.False(composedIntoSomething.Contains(ch), $"U+{c:X4} can combine with what precedes it");
        }
    }

    [Theory]
    [InlineData("Hà Nội tăng trưởng")]
    [InlineData("plain ASCII")]
    [InlineData("Ngày 19/01 – “trích dẫn”…")]
    public void Returns_text_already_in_NFC_as_it_is(string text) => Assert.Same(text, NfcText.Normalize(text));

    [Theory]
    [InlineData("Ha\u0300 No\u0323\u0302i", "Hà Nội")]
    [InlineData("e\u0301", "é")]
    [InlineData("\u1EA0\u0302", "\u1EAC")]
    [InlineData("\u212B", "\u00C5")]
    public void Composes_what_is_not_NFC(string text, string expected) => Assert.Equal(expected, NfcText.Normalize(text));

    /// <summary>The whole-string check reads text a vector at a time; at every position it must agree with the per-character rule.</summary>
    [Fact]
    public void Whole_string_check_agrees_with_the_character_rule_at_every_position()
    {
        for (var c = 0; c <= 0xFFFF; c++)
        {
            foreach (var position in (int[])[0, 7, 15, 16, 31, 39])
            {
                // A Vietnamese letter first, so the check is past its Latin-only prefix; 41 characters cover whole vectors and a tail.
                var text = new StringBuilder("ạ").Append('a', 40);
                text[1 + position] = (char)c;
                Assert.True(NfcText.IsCertainlyNfc(text.ToString()) == NfcText.IsCertainStarter((char)c), $"U+{c:X4} at {position}");
            }
        }
    }
}
