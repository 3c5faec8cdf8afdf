using System.Text;
using System.Xml;

namespace FeedHub.Parsing;

/// <summary>The only way FeedHub opens XML from the network: no DTDs, no external entities, no entity bombs.</summary>
internal static class SafeXml
{
    static SafeXml() =>
        // Feeds still arrive in windows-1251, windows-1258, Shift_JIS…; .NET only ships UTF and Latin-1 without this.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static XmlReader CreateReader(byte[] body) =>
        XmlReader.Create(new MemoryStream(body, writable: false), Settings());

    /// <summary>For a document FeedHub already decoded (and repaired) itself.</summary>
    public static XmlReader CreateReader(string text) =>
        XmlReader.Create(new StringReader(text), Settings());

    private static XmlReaderSettings Settings() =>
        new()
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            IgnoreProcessingInstructions = true,
            IgnoreComments = true,
            CloseInput = true,
        };
}
