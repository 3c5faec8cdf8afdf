using System.Globalization;

namespace FeedHub.Benchmarks.Fixtures;

/// <summary>Small realistic documents per format that the fixture corpus varies one thing at a time.</summary>
internal static class FixtureTemplates
{
    public const string Namespaces =
        "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
        + "xmlns:media=\"http://search.yahoo.com/mrss/\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" "
        + "xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:slash=\"http://purl.org/rss/1.0/modules/slash/\"";

    private static readonly string[] Headlines =
    [
        "Hà Nội đón đợt không khí lạnh mới",
        "Giá vàng miếng tăng thêm 500.000 đồng",
        "Đội tuyển Việt Nam thắng Thái Lan 2-1",
        "Người dân đổ về chợ hoa Tết sớm",
    ];

    public static string Headline(int n) => Headlines[n % Headlines.Length];

    public static string RssItem(int n, string? pubDate = "Mon, 19 Jan 2026 13:35:00 +0700", string extra = "", string? description = null) =>
        string.Create(CultureInfo.InvariantCulture, $"""
            <item>
              <title>{Headline(n)}</title>
              <link>https://baomau.example.vn/tin-{n}.html</link>
              <guid isPermaLink="true">https://baomau.example.vn/tin-{n}.html</guid>
              <description>{description ?? $"<![CDATA[<p>Tóm tắt tin {n}: {Headline(n)}.</p>]]>"}</description>
            {(pubDate is null ? string.Empty : $"  <pubDate>{pubDate}</pubDate>\n")}{extra}</item>
            """);

    public static string Rss20(string items, string channelExtra = "", string declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", string version = "2.0") =>
        $"""
        {declaration}<rss version="{version}" {Namespaces}>
        <channel>
          <title>Tin mới nhất - Báo Mẫu</title>
          <link>https://baomau.example.vn/</link>
          <description>Tin tức trong ngày</description>
          <language>vi</language>
        {channelExtra}{items}
        </channel>
        </rss>

        """;

    public static string Rss09(string version, string items, string doctype = "") =>
        $"""
        <?xml version="1.0" encoding="ISO-8859-1"?>
        {doctype}<rss version="{version}">
        <channel>
          <title>Scripting News</title>
          <link>http://scripting.example.com/</link>
          <description>A weblog about scripting and stuff like that.</description>
          <language>en-us</language>
          <image><title>Scripting News</title><url>http://scripting.example.com/gifs/tinyScriptingNews.gif</url><link>http://scripting.example.com/</link></image>
        {items}
        </channel>
        </rss>

        """;

    public static string RdfItem(int n, string? date = "2026-01-19T13:35:00+07:00", string extra = "") =>
        string.Create(CultureInfo.InvariantCulture, $"""
            <item rdf:about="https://khoahoc.example.vn/tin/{n}">
              <title>{Headline(n)}</title>
              <link>https://khoahoc.example.vn/tin/{n}</link>
              <description>Tóm tắt tin {n}: {Headline(n)}.</description>
            {(date is null ? string.Empty : $"  <dc:date>{date}</dc:date>\n")}{extra}</item>
            """);

    public static string Rdf(string items, string rootNamespace = "http://purl.org/rss/1.0/") =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="{rootNamespace}" {Namespaces}>
        <channel rdf:about="https://khoahoc.example.vn/">
          <title>Khoa học - Báo Mẫu</title>
          <link>https://khoahoc.example.vn/</link>
          <description>Tin khoa học</description>
          <dc:language>vi</dc:language>
          <items><rdf:Seq><rdf:li resource="https://khoahoc.example.vn/tin/1"/></rdf:Seq></items>
        </channel>
        {items}
        </rdf:RDF>

        """;

    public static string AtomEntry(int n, string? published = "2026-01-19T13:35:00+07:00", string extra = "", string? summary = null) =>
        string.Create(CultureInfo.InvariantCulture, $"""
            <entry>
              <id>tag:blog.example.org,2026:{n}</id>
              <title>{Headline(n)}</title>
              <link rel="alternate" type="text/html" href="https://blog.example.org/2026/01/bai-{n}.html"/>
            {(published is null ? string.Empty : $"  <published>{published}</published>\n")}  <updated>2026-01-19T14:00:00+07:00</updated>
              <author><name>Nguyễn Văn An</name></author>
              {summary ?? $"<summary type=\"html\">&lt;p&gt;Tóm tắt bài {n}.&lt;/p&gt;</summary>"}
            {extra}</entry>
            """);

    public static string Atom10(string entries, string feedExtra = "", string rootAttributes = "xmlns=\"http://www.w3.org/2005/Atom\"") =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed {rootAttributes} xml:lang="vi" xmlns:media="http://search.yahoo.com/mrss/">
          <title>Ghi chép - Blog Mẫu</title>
          <subtitle>Những điều nhỏ</subtitle>
          <link rel="alternate" type="text/html" href="https://blog.example.org/"/>
          <link rel="self" href="https://blog.example.org/feed.atom"/>
          <id>tag:blog.example.org,2026:feed</id>
          <updated>2026-01-19T14:00:00+07:00</updated>
        {feedExtra}{entries}
        </feed>

        """;

    public static string Atom03(string entries) =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed version="0.3" xmlns="http://purl.org/atom/ns#" xml:lang="en">
          <title mode="escaped" type="text/html">Old &amp;lt;Blogger&amp;gt; Blog</title>
          <tagline>Since 2003</tagline>
          <link rel="alternate" type="text/html" href="https://oldblog.example.com/"/>
          <modified>2005-06-01T12:00:00Z</modified>
          <author><name>Jane Roe</name><url>https://oldblog.example.com/about</url></author>
        {entries}
        </feed>

        """;

    public static string Atom03Entry(int n, string content = "", string? issued = "2005-06-01T12:00:00Z") =>
        string.Create(CultureInfo.InvariantCulture, $"""
            <entry>
              <title>Post {n}</title>
              <link rel="alternate" type="text/html" href="https://oldblog.example.com/2005/06/post-{n}.html"/>
              <id>tag:oldblog.example.com,2005:{n}</id>
            {(issued is null ? string.Empty : $"  <issued>{issued}</issued>\n")}  <modified>2005-06-02T08:00:00Z</modified>
              <created>2005-05-31T23:00:00Z</created>
              {content}
            </entry>
            """);

    public static string JsonItem(int n, string? published = "2026-01-19T13:35:00+07:00", string extra = "") =>
        string.Create(CultureInfo.InvariantCulture, $$"""
            {"id": "https://ghichep.example.vn/{{n}}", "url": "https://ghichep.example.vn/{{n}}", "title": "{{Headline(n)}}", "content_html": "<p>Nội dung {{n}}.</p>"{{(published is null ? string.Empty : $", \"date_published\": \"{published}\"")}}{{extra}}}
            """);

    public static string JsonFeed(string items, string version = "https://jsonfeed.org/version/1.1", string extra = "") =>
        $$"""
        {
          "version": "{{version}}",
          "title": "Ghi chép nhanh",
          "home_page_url": "https://ghichep.example.vn/",
          "feed_url": "https://ghichep.example.vn/feed.json",
          "language": "vi"{{extra}},
          "items": [
            {{items}}
          ]
        }

        """;
}
