using System.Globalization;
using System.Text;

namespace FeedHub.Tests.Sources.Opml;

/// <summary>The OPML fixtures copied beside the tests, and large generated lists for the batch paths.</summary>
internal static class OpmlFixtures
{
    public static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "Sources", "Opml", "Fixtures");

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>An OPML 2.0 list of <paramref name="count"/> feeds in folders of 100, each feed on its own host.</summary>
    public static string Generated(int count)
    {
        var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\"><head><title>Generated</title></head><body>\n");
        for (var i = 0; i < count; i++)
        {
            if (i % 100 == 0)
            {
                text.Append(i == 0 ? string.Empty : "</outline>\n").Append(CultureInfo.InvariantCulture, $"<outline text=\"Folder {i / 100}\">\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"<outline type=\"rss\" text=\"Feed {i}\" xmlUrl=\"https://site{i}.example.com/feed.xml\" htmlUrl=\"https://site{i}.example.com/\"/>\n");
        }

        return text.Append(count > 0 ? "</outline>\n" : string.Empty).Append("</body></opml>\n").ToString();
    }
}
