using System.Text;
using System.Text.Unicode;

namespace FeedHub.Parsing;

/// <summary>
/// Decides how a document's bytes become text: byte order mark, then the HTTP charset and the XML declaration
/// weighed against what the bytes actually are, then a guess. Feeds lie about their encoding often enough that
/// a declaration is evidence, not a fact.
/// </summary>
internal static class DocumentEncoding
{
    static DocumentEncoding() =>
        // Feeds still arrive in windows-1251, windows-1258, KOI8-R…; .NET only ships UTF and Latin-1 without this.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding to read the document with.</summary>
    /// <param name="Encoding">How to decode the bytes after <paramref name="PreambleLength"/>.</param>
    /// <param name="PreambleLength">Bytes of byte order mark to skip.</param>
    /// <param name="Declared">The document itself declares (or its BOM implies) exactly this encoding, so an XML reader given the raw bytes will agree.</param>
    internal readonly record struct Choice(Encoding Encoding, int PreambleLength, bool Declared);

    public static Choice Choose(ReadOnlySpan<byte> body, string? contentType, string? languageHint, ParseWarnings warnings)
    {
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new Choice(Encoding.UTF8, 3, true);
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new Choice(Encoding.Unicode, 2, true);
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new Choice(Encoding.BigEndianUnicode, 2, true);
        }

        // UTF-16 without a BOM still starts "<?" or "<r" with a zero byte beside each character.
        if (body.Length >= 4 && body[0] == '<' && body[1] == 0 && body[2] != 0 && body[3] == 0)
        {
            return new Choice(Encoding.Unicode, 0, false);
        }

        if (body.Length >= 4 && body[0] == 0 && body[1] == '<' && body[2] == 0 && body[3] != 0)
        {
            return new Choice(Encoding.BigEndianUnicode, 0, false);
        }

        var httpName = CharsetParameter(contentType);
        var declaredName = XmlDeclaration.Encoding(body);
        var http = Resolve(httpName, "HTTP charset", warnings);
        var declared = Resolve(declaredName, "XML declaration encoding", warnings);
        var validUtf8 = Utf8.IsValid(body);
        var ascii = validUtf8 && System.Text.Ascii.IsValid(body);

        // Without a BOM or a declaration XML is UTF-8, so a missing declaration still disagrees with another charset.
        var declaredOrDefault = declared ?? Encoding.UTF8;
        Encoding chosen;
        if (http is not null && http.CodePage != declaredOrDefault.CodePage && !ascii)
        {
            // RFC 3023 gives the HTTP charset precedence, but servers attach defaults they never checked; UTF-8 is
            // almost never valid by accident, so valid UTF-8 settles the disagreement when either side claims it.
            chosen = validUtf8 && (IsUtf8(http) || IsUtf8(declaredOrDefault)) ? Encoding.UTF8
                : !validUtf8 && IsUtf8(http) ? declaredOrDefault
                : http;
            warnings.Add($"HTTP charset \"{httpName}\" disagrees with {(declaredName is null ? "the XML default UTF-8" : $"the XML declaration \"{declaredName}\"")}; read as {chosen.WebName}");
        }
        else
        {
            chosen = http ?? declaredOrDefault;
        }

        if (IsUtf8(chosen) && !validUtf8)
        {
            chosen = Guess(languageHint);
            warnings.Add(httpName is null && declaredName is null
                ? $"no encoding declared and the bytes are not UTF-8; read as {chosen.WebName}"
                : $"declared UTF-8 but the bytes are not valid UTF-8; read as {chosen.WebName}");
        }

        // An XML reader given the raw bytes obeys the declaration's name, so only a UTF-8 name (or none) is safe.
        var agrees = IsUtf8(chosen) && (declaredName is null || declaredName.Trim().ToLowerInvariant() is "utf-8" or "utf8");
        return new Choice(chosen, 0, agrees);
    }

    /// <summary>
    /// Whether <see cref="Choose"/> would read the document as UTF-8 with nothing to warn about, if its bytes are
    /// valid UTF-8: no BOM or a UTF-8 one, and no charset or a UTF-8 one from HTTP and the XML declaration alike.
    /// Decides without reading past the declaration; the caller must still prove the bytes valid.
    /// </summary>
    public static bool ClaimsUtf8(ReadOnlySpan<byte> body, string? contentType, out int preambleLength)
    {
        preambleLength = body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        if (preambleLength == 0 && (body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || (body.Length >= 4 && (body[0] == 0 || body[1] == 0))))
        {
            return false;
        }

        return IsUtf8Name(CharsetParameter(contentType)) && IsUtf8Name(XmlDeclaration.Encoding(body));
    }

    private static bool IsUtf8Name(string? name) =>
        name is null || name.Trim().Trim('"', '\'').ToLowerInvariant() is "utf-8" or "utf8";

    public static bool IsUtf8(Encoding encoding) => encoding.CodePage == Encoding.UTF8.CodePage;

    /// <summary>Vietnamese sites that are not UTF-8 are windows-1258; everything else legacy is most likely windows-1252.</summary>
    private static Encoding Guess(string? languageHint) =>
        Encoding.GetEncoding(languageHint is not null && languageHint.StartsWith("vi", StringComparison.OrdinalIgnoreCase) ? 1258 : 1252);

    internal static Encoding? Resolve(string? name, string source, ParseWarnings warnings)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var key = name.Trim().Trim('"', '\'').ToLowerInvariant();

        // As browsers do: Latin-1 and ASCII labels mean windows-1252, which fills the C1 range with real characters.
        if (key is "iso-8859-1" or "iso8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" or "l1" or "cp1252")
        {
            return Encoding.GetEncoding(1252);
        }

        if (key is "utf8" or "utf-8")
        {
            return Encoding.UTF8;
        }

        try
        {
            var encoding = Encoding.GetEncoding(key);

            // A single-byte document cannot really be UTF-16; such a declaration is a copy-paste slip.
            return encoding.CodePage is 1200 or 1201 or 12000 or 12001 ? Encoding.UTF8 : encoding;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            // NotSupportedException: names .NET knows but refuses, such as UTF-7.
            warnings.Add($"{source} \"{name}\" is not a known encoding; ignored");
            return null;
        }
    }

    internal static string? CharsetParameter(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        foreach (var part in contentType.Split(';'))
        {
            var pair = part.Trim();
            if (pair.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))
            {
                var value = pair["charset=".Length..].Trim().Trim('"', '\'');
                return value.Length > 0 ? value : null;
            }
        }

        return null;
    }
}
