using System.Text;

namespace FeedHub.Benchmarks.Fixtures;

/// <summary>
/// Vietnamese as windows-1258 writes it: the code page has ê, ơ, ư, ă precomposed but the five tone marks only
/// as combining characters, so "ế" must become "ê" + combining acute before encoding, as real 1258 sites do.
/// </summary>
internal static class Windows1258Text
{
    public static string To1258(this string text)
    {
        var encoding = Encoding.GetEncoding(1258, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        var output = new StringBuilder(text.Length * 2);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (Encodable(encoding, c.ToString()))
            {
                output.Append(c);
                continue;
            }

            // Compose the base letter with whichever mark the code page has precomposed (ô, ơ, ă…); the tone stays combining.
            var parts = c.ToString().Normalize(NormalizationForm.FormD);
            var written = false;
            for (var m = 1; m < parts.Length && !written; m++)
            {
                var composed = string.Concat(parts[0].ToString(), parts[m].ToString()).Normalize(NormalizationForm.FormC);
                if (composed.Length == 1 && Encodable(encoding, composed))
                {
                    output.Append(composed).Append(parts[1..m]).Append(parts[(m + 1)..]);
                    written = true;
                }
            }

            if (!written)
            {
                output.Append(parts);
            }
        }

        return output.ToString();
    }

    private static bool Encodable(Encoding encoding, string text)
    {
        try
        {
            encoding.GetBytes(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }
}
