using System.Text;

namespace FeedHub.Extracting;

/// <summary>An HTML page as text, with the encoding it was read in and what decided it.</summary>
/// <param name="Html">The page in NFC, without a byte order mark.</param>
/// <param name="Encoding">The encoding the bytes were read with.</param>
/// <param name="Source">What chose the encoding: "bom", "http", "meta", "utf-8" (the bytes were valid UTF-8) or "guess".</param>
internal sealed record DecodedPage(string Html, Encoding Encoding, string Source);
