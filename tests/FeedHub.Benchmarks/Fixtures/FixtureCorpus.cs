using System.Text;
using System.Text.Json;
using static FeedHub.Benchmarks.Fixtures.FixtureTemplates;

namespace FeedHub.Benchmarks.Fixtures;

/// <summary>
/// Writes the generated part of the parser's fixture corpus: each date form in each format's date element,
/// each breakage, extension and sanitizing case, each a document plus, where the context matters, an
/// options file. Expected outputs are not written here: the golden test writes them and a person reads them.
/// </summary>
internal sealed class FixtureCorpus(string directory)
{
    private int _written;

    public int WriteAll()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Directory.CreateDirectory(directory);
        // Expected outputs stay: they are what a person checked, and the golden test shows any change to them.
        foreach (var stale in Directory.EnumerateFiles(directory).Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal)))
        {
            File.Delete(stale);
        }

        DateFixtures();
        FormatFixtures();
        ExtensionFixtures();
        BreakageFixtures();
        EncodingFixtures();
        SanitizingFixtures();
        JsonFixtures();
        return _written;
    }

    private void DateFixtures()
    {
        foreach (var form in DateForms.All)
        {
            var options = new Dictionary<string, string> { ["timeZone"] = form.Zone, ["expectPublished"] = form.Expected ?? "null" };
            // Month-first is only ever tried for sources that are not day-first: not Vietnamese by language or zone.
            var english = form.Slug.StartsWith("us-", StringComparison.Ordinal);
            Write($"rss20-date-{form.Slug}.xml", English(Rss20(RssItem(1, form.Text)), english), options);
            Write($"rss10-dcdate-{form.Slug}.xml", English(Rdf(RdfItem(1, form.Text)), english), options);
            if (form.Iso)
            {
                Write($"atom10-date-{form.Slug}.xml", Atom10(AtomEntry(1, form.Text)), options);
                Write($"jsonfeed-date-{form.Slug}.json", JsonFeed(JsonItem(1, form.Text)), options);
            }
        }

        // pubDate wins over dc:date; dc:date stands in when pubDate is missing or unreadable.
        Write("rss20-date-pubdate-over-dc-date.xml", Rss20(RssItem(1, "Mon, 19 Jan 2026 13:35:00 +0700", "  <dc:date>2020-01-01T00:00:00Z</dc:date>\n")));
        Write("rss20-date-dc-date-when-pubdate-unreadable.xml", Rss20(RssItem(1, "hôm qua", "  <dc:date>2026-01-19T13:35:00+07:00</dc:date>\n")));
        Write("rss20-date-dc-date-only.xml", Rss20(RssItem(1, null, "  <dc:date>2026-01-19T13:35:00+07:00</dc:date>\n")));
        Write("rss20-date-one-bad-among-good.xml", Rss20(RssItem(1) + RssItem(2, "32/13/2026 99:99") + RssItem(3, "Sun, 18 Jan 2026 20:00:00 +0700")));
        Write("atom10-date-updated-only.xml", Atom10(AtomEntry(1, null)));
        Write("atom03-date-created-when-no-issued.xml", Atom03(Atom03Entry(1, issued: null)));
    }

    private static string English(string document, bool english) =>
        english ? document.Replace(">vi</", ">en-us</", StringComparison.Ordinal) : document;

    private void FormatFixtures()
    {
        Write("rss090-netscape.xml", """
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
              <channel><title>Mozilla Dot Org</title><link>http://www.mozilla.org</link><description>the Mozilla Organization web site</description></channel>
              <image><title>Mozilla</title><url>http://www.mozilla.org/images/moz.gif</url><link>http://www.mozilla.org</link></image>
              <item><title>New Status Updates</title><link>http://www.mozilla.org/status/</link></item>
              <item><title>Bugzilla Reorganized</title><link>http://www.mozilla.org/bugs/</link></item>
            </rdf:RDF>

            """);
        var classic = RssClassicItems();
        Write("rss091-netscape-doctype.xml", Rss09("0.91", classic, "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n"));
        Write("rss091-userland.xml", Rss09("0.91", classic));
        Write("rss092.xml", Rss09("0.92", classic.Replace("</item>", "<enclosure url=\"http://scripting.example.com/mp3/weather.mp3\" length=\"12216320\" type=\"audio/mpeg\"/><category domain=\"http://www.weblogs.com/rssUpdates/changes.xml\">rssUpdates</category></item>", StringComparison.Ordinal)));
        Write("rss093.xml", Rss09("0.93", classic.Replace("</item>", "<pubDate>Fri, 03 May 2002 18:00:00 GMT</pubDate></item>", StringComparison.Ordinal)));
        Write("rss094.xml", Rss09("0.94", classic.Replace("</item>", "<guid isPermaLink=\"false\">scripting-1</guid><author>dave@scripting.example.com (Dave)</author></item>", StringComparison.Ordinal)));
        Write("rss20-minimal.xml", "<rss version=\"2.0\"><channel><title>t</title><link>https://m.example.com/</link><description>d</description><item><title>Only a title</title></item></channel></rss>");
        Write("rss20-version-201.xml", Rss20(RssItem(1), version: "2.01"));
        Write("rss20-items-outside-channel.xml", "<rss version=\"2.0\"><channel><title>t</title><link>https://m.example.com/</link></channel>" + RssItem(1) + "</rss>");
        Write("rss20-item-with-only-description.xml", Rss20("<item><description>Chỉ có mô tả, không có tiêu đề hay liên kết.</description></item>"));
        Write("rss20-guid-not-permalink.xml", Rss20("<item><title>Bài có mã</title><guid isPermaLink=\"false\">vn-42</guid><link>https://baomau.example.vn/42</link></item>"));
        Write("rss20-guid-permalink-no-link.xml", Rss20("<item><title>Chỉ có guid</title><guid>https://baomau.example.vn/guid-la-link.html</guid></item>"));
        Write("rss20-author-forms.xml", Rss20(RssItem(1, extra: "  <author>an@baomau.example.vn (Nguyễn Văn An)</author>\n") + RssItem(2, extra: "  <author>Trần Thị Bình &lt;binh@baomau.example.vn&gt;</author>\n") + RssItem(3, extra: "  <author>Lê Văn Cường</author>\n")));
        Write("rss20-many-categories.xml", Rss20(RssItem(1, extra: "  <category>Thời sự</category>\n  <category domain=\"x\">Giao thông</category>\n  <category>thời sự</category>\n  <category> </category>\n")));
        Write("rss20-channel-dates.xml", Rss20(RssItem(1), "  <lastBuildDate>Mon, 19 Jan 2026 14:00:00 +0700</lastBuildDate>\n  <pubDate>Mon, 19 Jan 2026 13:00:00 +0700</pubDate>\n"));
        Write("rss20-no-language-channel.xml", Rss20(RssItem(1)).Replace("  <language>vi</language>\n", string.Empty, StringComparison.Ordinal));
        Write("rss20-duplicate-items.xml", Rss20(RssItem(1) + RssItem(1) + RssItem(2)));
        Write("rss20-nfd-title.xml", Rss20(RssItem(1).Replace(Headline(1), Headline(1).To1258(), StringComparison.Ordinal)));
        Write("rss20-cdata-title-with-markup.xml", Rss20("<item><title><![CDATA[<b>Nóng:</b> Bão số 3 &amp; lũ]]></title><link>https://baomau.example.vn/bao</link></item>"));
        Write("rss20-tracking-link.xml", Rss20("<item><title>Liên kết có tham số</title><link>https://baomau.example.vn/a.html?utm_source=rss&amp;id=7&amp;fbclid=x</link></item>"));
        Write("rss20-relative-link.xml", Rss20("<item><title>Liên kết tương đối</title><link>/thoi-su/tin-1.html</link></item>"));
        Write("rss20-many-items.xml", Rss20(string.Concat(Enumerable.Range(1, 40).Select(n => RssItem(n)))));
        Write("rss10-basic.xml", Rdf(RdfItem(1) + RdfItem(2)));
        Write("rss10-no-items.xml", Rdf(string.Empty));
        Write("atom10-basic.xml", Atom10(AtomEntry(1) + AtomEntry(2)));
        Write("atom10-feed-author-inherited.xml", Atom10(AtomEntry(1).Replace("  <author><name>Nguyễn Văn An</name></author>\n", string.Empty, StringComparison.Ordinal), "  <author><name>Ban biên tập</name><email>bbt@blog.example.org</email></author>\n"));
        Write("atom10-no-namespace.xml", Atom10(AtomEntry(1), rootAttributes: string.Empty));
        Write("atom10-links-rel.xml", Atom10(AtomEntry(1, extra: "  <link rel=\"replies\" href=\"https://blog.example.org/c/1\"/>\n  <link rel=\"enclosure\" type=\"audio/mpeg\" length=\"1234\" href=\"https://blog.example.org/a.mp3\"/>\n  <link rel=\"related\" href=\"https://other.example.org/\"/>\n")));
        Write("atom10-categories.xml", Atom10(AtomEntry(1, extra: "  <category term=\"cong-nghe\" label=\"Công nghệ\"/>\n  <category term=\"doi-song\"/>\n")));
        Write("atom10-contributor-ignored.xml", Atom10(AtomEntry(1, extra: "  <contributor><name>Cộng tác viên</name></contributor>\n")));
        Write("atom10-person-with-uri.xml", Atom10(AtomEntry(1).Replace("<author><name>Nguyễn Văn An</name></author>", "<author><name>Nguyễn Văn An</name><email>an@blog.example.org</email><uri>/tac-gia/an</uri></author>", StringComparison.Ordinal)));
        Write("atom10-content-src-not-fetched.xml", Atom10(AtomEntry(1, extra: "  <content type=\"video/mp4\" src=\"https://blog.example.org/v.mp4\"/>\n")));
        Write("atom03-basic.xml", Atom03(Atom03Entry(1, "<summary>Plain summary &amp; more</summary>") + Atom03Entry(2)));
        Write("html-page-with-feeds.xml", """
            <!DOCTYPE html>
            <html lang="vi"><head><title>Báo Mẫu</title>
            <link rel="alternate" type="application/rss+xml" title="RSS" href="/rss/tin-moi.rss">
            <link rel="alternate" type="application/atom+xml" href="https://baomau.example.vn/atom.xml">
            </head><body><p>Trang chủ</p></body></html>

            """);
        Write("html-page-no-feeds.xml", "<html><head><title>Không có feed</title></head><body>Xin chào</body></html>\n");
        Write("html-page-after-comment.xml", "<!-- served by cache -->\n<html><head><link rel=\"alternate\" type=\"application/feed+json\" href=\"feed.json\"></head><body></body></html>\n");
        Write("unknown-opml.xml", "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>Subscriptions</title></head><body/></opml>\n");
        Write("unknown-svg.xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>\n");
        Write("unknown-rss-version-9.xml", "<rss version=\"9.0\"><channel><title>t</title></channel></rss>\n");
        Write("unknown-empty-document.xml", "   \n");
        Write("unknown-plain-text.xml", "Service Unavailable\n");
    }

    private static string RssClassicItems() =>
        """
          <item><title>Weather in Berkeley</title><link>http://scripting.example.com/2002/05/03#weather</link><description>It&apos;s raining &amp; cold.</description></item>
          <item><title>Scripting News turns five</title><link>http://scripting.example.com/2002/04/01</link><description>Happy birthday.</description></item>
        """;

    private void ExtensionFixtures()
    {
        const string Encoded = "  <content:encoded><![CDATA[<h2>Chi tiết</h2><p>Nội dung đầy đủ với <a href=\"/lien-quan.html\">liên kết</a>.</p>]]></content:encoded>\n";
        Write("rss20-ext-content-encoded.xml", Rss20(RssItem(1, extra: Encoded)));
        Write("rss10-ext-content-encoded.xml", Rdf(RdfItem(1, extra: Encoded)));
        Write("rss20-ext-dc-creator.xml", Rss20(RssItem(1, extra: "  <dc:creator>Phạm Minh Châu</dc:creator>\n  <dc:creator>Đỗ Hùng</dc:creator>\n")));
        Write("rss10-ext-dc-creator-subject.xml", Rdf(RdfItem(1, extra: "  <dc:creator>Phạm Minh Châu</dc:creator>\n  <dc:subject>Vũ trụ</dc:subject>\n")));
        Write("rss20-ext-dc-subject.xml", Rss20(RssItem(1, extra: "  <dc:subject>Kinh tế</dc:subject>\n  <category>Tài chính</category>\n")));
        Write("rss20-ext-dc-rights-language-ignored.xml", Rss20(RssItem(1, extra: "  <dc:rights>© Báo Mẫu</dc:rights>\n  <dc:language>vi</dc:language>\n")));
        Write("rss20-ext-dc-language-channel.xml", Rss20(RssItem(1), "  <dc:language>vi-VN</dc:language>\n").Replace("  <language>vi</language>\n", string.Empty, StringComparison.Ordinal));
        Write("rss20-ext-enclosure.xml", Rss20(RssItem(1, extra: "  <enclosure url=\"https://cdn.baomau.example.vn/anh/1.jpg\" length=\"48213\" type=\"image/jpeg\"/>\n")));
        Write("rss20-ext-enclosure-relative.xml", Rss20(RssItem(1, extra: "  <enclosure url=\"/media/1.mp3\" length=\"100\" type=\"audio/mpeg\"/>\n")));
        Write("rss20-ext-enclosure-bad-length.xml", Rss20(RssItem(1, extra: "  <enclosure url=\"https://cdn.baomau.example.vn/1.mp3\" length=\"khoảng 3MB\" type=\"audio/mpeg\"/>\n")));
        Write("rss20-ext-media-content.xml", Rss20(RssItem(1, extra: "  <media:content url=\"https://cdn.baomau.example.vn/video/1.mp4\" type=\"video/mp4\" fileSize=\"9000000\" medium=\"video\"/>\n")));
        Write("rss20-ext-media-content-medium-image.xml", Rss20(RssItem(1, extra: "  <media:content url=\"https://cdn.baomau.example.vn/anh/1.png\" medium=\"image\"><media:title>Ảnh minh họa</media:title></media:content>\n")));
        Write("rss20-ext-media-thumbnail.xml", Rss20(RssItem(1, extra: "  <media:thumbnail url=\"https://cdn.baomau.example.vn/thumb/1.webp\" width=\"120\" height=\"80\"/>\n")));
        Write("rss20-ext-media-group.xml", Rss20(RssItem(1, extra: "  <media:group>\n    <media:content url=\"https://cdn.baomau.example.vn/v/1-720.mp4\" type=\"video/mp4\"/>\n    <media:content url=\"https://cdn.baomau.example.vn/v/1-360.mp4\" type=\"video/mp4\"/>\n    <media:thumbnail url=\"https://cdn.baomau.example.vn/v/1.jpg\"/>\n  </media:group>\n")));
        Write("rss20-ext-media-title-description.xml", Rss20("<item><link>https://baomau.example.vn/video-1.html</link><media:title>Tiêu đề từ media</media:title><media:description>Mô tả &lt;không phải HTML&gt;</media:description></item>"));
        Write("rss20-ext-media-description-html.xml", Rss20("<item><title>Video</title><link>https://baomau.example.vn/video-2.html</link><media:description type=\"html\">&lt;b&gt;Mô tả&lt;/b&gt; có HTML</media:description></item>"));
        Write("atom10-ext-media-group-youtube.xml", Atom10(AtomEntry(1, extra: "  <media:group><media:title>Video mẫu</media:title><media:content url=\"https://www.youtube.com/v/abc123\" type=\"application/x-shockwave-flash\"/><media:thumbnail url=\"https://i.ytimg.com/vi/abc123/hqdefault.jpg\"/><media:description>Mô tả video</media:description></media:group>\n", summary: string.Empty)));
        Write("rss20-ext-itunes.xml", Rss20("<item><title>Tập 12: Cà phê sáng</title><guid isPermaLink=\"false\">podcast-12</guid><enclosure url=\"https://podcast.example.vn/12.mp3\" length=\"31000000\" type=\"audio/mpeg\"/><itunes:author>Hà My</itunes:author><itunes:duration>00:32:10</itunes:duration><itunes:image href=\"https://podcast.example.vn/12.png\"/><itunes:summary>Nói chuyện về cà phê &amp; buổi sáng.</itunes:summary><itunes:explicit>false</itunes:explicit></item>",
            "  <itunes:author>Hà My</itunes:author>\n  <itunes:image href=\"https://podcast.example.vn/cover.jpg\"/>\n"));
        Write("rss20-ext-itunes-summary-not-over-description.xml", Rss20(RssItem(1, extra: "  <itunes:summary>Không dùng vì đã có mô tả.</itunes:summary>\n")));
        Write("rss20-ext-slash-comments.xml", Rss20(RssItem(1, extra: "  <slash:comments>42</slash:comments>\n  <comments>https://baomau.example.vn/tin-1.html#binh-luan</comments>\n")));
        Write("rss20-ext-atom-link-channel.xml", Rss20(RssItem(1), "  <atom:link href=\"https://baomau.example.vn/rss\" rel=\"self\" type=\"application/rss+xml\"/>\n"));
        Write("rss20-ext-atom-link-item.xml", Rss20("<item><title>Liên kết kiểu Atom</title><atom:link href=\"https://baomau.example.vn/atom-link.html\" rel=\"alternate\"/><atom:link rel=\"enclosure\" href=\"https://baomau.example.vn/a.ogg\" type=\"audio/ogg\"/></item>"));
        Write("rss20-ext-xml-base.xml", Rss20("<item xml:base=\"https://static.baomau.example.vn/2026/\"><title>Có xml:base</title><link>tin-1.html</link><description><![CDATA[<p><img src=\"anh/1.jpg\" alt=\"ảnh\"> và <a href=\"../khac.html\">bài khác</a></p>]]></description><enclosure url=\"media/1.mp3\" type=\"audio/mpeg\" length=\"10\"/></item>"));
        Write("rss20-ext-xml-base-channel.xml", Rss20("<item><title>Kế thừa xml:base</title><link>tin-2.html</link></item>").Replace("<channel>", "<channel xml:base=\"https://baomau.example.vn/chuyen-muc/\">", StringComparison.Ordinal));
        Write("atom10-ext-xml-base-nested.xml", Atom10(AtomEntry(1).Replace("<entry>", "<entry xml:base=\"bai/\">", StringComparison.Ordinal).Replace("href=\"https://blog.example.org/2026/01/bai-1.html\"", "href=\"1.html\"", StringComparison.Ordinal), rootAttributes: "xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"https://blog.example.org/2026/\""));
        Write("atom10-ext-xml-base-content.xml", Atom10(AtomEntry(1, extra: "  <content type=\"html\" xml:base=\"https://cdn.blog.example.org/\">&lt;img src=\"anh.jpg\" alt=\"x\"&gt;&lt;p&gt;Chữ&lt;/p&gt;</content>\n")));
        Write("atom10-text-construct-text.xml", Atom10(AtomEntry(1, summary: "<summary type=\"text\">5 &lt; 6 &amp; &lt;b&gt; không phải thẻ</summary>")));
        Write("atom10-text-construct-html.xml", Atom10(AtomEntry(1, summary: "<summary type=\"html\">&lt;p&gt;Đoạn &lt;em&gt;nhấn mạnh&lt;/em&gt;&lt;/p&gt;</summary>")));
        Write("atom10-text-construct-xhtml.xml", Atom10(AtomEntry(1, summary: "<summary type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Đoạn <strong>đậm</strong> và <br/> xuống dòng</p></div></summary>")));
        Write("atom10-text-construct-xhtml-title.xml", Atom10(AtomEntry(1).Replace("<title>" + Headline(1) + "</title>", "<title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">Tiêu đề <em>xhtml</em></div></title>", StringComparison.Ordinal)));
        Write("atom10-text-construct-html-title.xml", Atom10(AtomEntry(1).Replace("<title>" + Headline(1) + "</title>", "<title type=\"html\">&lt;b&gt;AT&amp;amp;T&lt;/b&gt; và Viettel</title>", StringComparison.Ordinal)));
        Write("atom10-content-and-summary.xml", Atom10(AtomEntry(1, extra: "  <content type=\"html\">&lt;p&gt;Toàn bộ nội dung.&lt;/p&gt;</content>\n")));
        Write("atom03-content-escaped.xml", Atom03(Atom03Entry(1, "<content type=\"text/html\" mode=\"escaped\">&lt;p&gt;Escaped &lt;b&gt;HTML&lt;/b&gt;&lt;/p&gt;</content>")));
        Write("atom03-content-base64.xml", Atom03(Atom03Entry(1, $"<content type=\"text/html\" mode=\"base64\">{Convert.ToBase64String(Encoding.UTF8.GetBytes("<p>Base64 <i>nội dung</i></p>"))}</content>")));
        Write("atom03-content-xml.xml", Atom03(Atom03Entry(1, "<content type=\"application/xhtml+xml\" mode=\"xml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Inline <b>XHTML</b></p></div></content>")));
        Write("atom03-content-bad-base64.xml", Atom03(Atom03Entry(1, "<content type=\"text/html\" mode=\"base64\">***not base64***</content>")));
    }

    private void BreakageFixtures()
    {
        var good = Rss20(RssItem(1) + RssItem(2) + RssItem(3));
        Write("rss20-broken-bare-ampersand.xml", Rss20(RssItem(1).Replace(Headline(1), "Cá & khoai tây chiên", StringComparison.Ordinal) + RssItem(2)));
        Write("rss20-broken-bare-ampersand-in-link.xml", Rss20("<item><title>Tham số</title><link>https://baomau.example.vn/tim?q=a&page=2</link></item>"));
        Write("rss20-broken-html-entities.xml", Rss20("<item><title>Caf&eacute;&nbsp;s&agrave;i g&ograve;n &hellip; &mdash; &copy;</title><link>https://baomau.example.vn/cafe</link></item>"));
        Write("rss20-broken-unknown-entity.xml", Rss20("<item><title>Thực thể &khongbiet; lạ</title><link>https://baomau.example.vn/la</link></item>"));
        Write("rss20-broken-control-characters.xml", Rss20(RssItem(1).Replace("Tóm tắt", "Tóm\u0001 tắt\u000B\u001F", StringComparison.Ordinal)));
        Write("rss20-broken-c1-character-references.xml", Rss20("<item><title>Quote &#147;smart&#148; &#150; dash</title><link>https://baomau.example.vn/c1</link></item>"));
        Write("rss20-broken-forbidden-character-reference.xml", Rss20("<item><title>Ký tự &#1; cấm &#xFFFE;</title><link>https://baomau.example.vn/cam</link></item>"));
        Write("rss20-broken-junk-before-declaration.xml", "\n\n  <!-- generated -->\nWarning: headers already sent\n" + good);
        Write("rss20-broken-whitespace-before-declaration.xml", "\n\n   " + good);
        Write("rss20-broken-junk-no-declaration.xml", "PHP Notice: undefined index\n" + good.Replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", string.Empty, StringComparison.Ordinal));
        Write("rss20-broken-doctype-html-entities.xml", good.Replace("<rss", "<!DOCTYPE rss [<!ENTITY nbsp \"&#160;\">]>\n<rss", StringComparison.Ordinal).Replace("Tóm tắt tin 1", "Tóm&nbsp;tắt tin 1", StringComparison.Ordinal));
        Write("rss20-broken-entity-bomb.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>\n<rss version=\"2.0\"><channel><title>&lol3;</title><item><title>Bom &lol3;</title><link>https://bom.example.com/1</link></item></channel></rss>\n");
        Write("rss20-broken-external-entity.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<rss version=\"2.0\"><channel><title>XXE</title><item><title>&xxe;</title><link>https://xxe.example.com/1</link></item></channel></rss>\n");
        Write("rss20-broken-truncated-mid-item.xml", good[..(good.IndexOf("<item>", good.IndexOf("tin-2", StringComparison.Ordinal), StringComparison.Ordinal) + 40)]);
        Write("rss20-broken-truncated-mid-tag.xml", good[..(good.LastIndexOf("</item>", StringComparison.Ordinal) - 3)]);
        Write("rss20-broken-truncated-after-items.xml", good[..good.IndexOf("</channel>", StringComparison.Ordinal)]);
        Write("rss20-broken-unclosed-item.xml", Rss20(RssItem(1).Replace("</item>", string.Empty, StringComparison.Ordinal) + RssItem(2) + RssItem(3)));
        Write("rss20-broken-unclosed-html-in-description.xml", Rss20(RssItem(1, description: "<p>Đoạn một<br>đoạn hai <b>đậm") + RssItem(2) + RssItem(3)));
        Write("rss20-broken-mismatched-tags.xml", Rss20(RssItem(1) + "<item><title>Sai thẻ</titel><link>https://baomau.example.vn/sai</link></item>" + RssItem(3)));
        Write("rss20-broken-undeclared-prefix.xml", Rss20(RssItem(1, extra: "  <media:thumbnail url=\"https://cdn.baomau.example.vn/t.jpg\"/>\n") + RssItem(2)).Replace(Namespaces, string.Empty, StringComparison.Ordinal));
        Write("rss20-broken-missing-version.xml", good.Replace("<rss version=\"2.0\"", "<rss", StringComparison.Ordinal));
        Write("rss20-broken-empty-channel.xml", Rss20(string.Empty));
        Write("rss20-broken-empty-rss.xml", "<rss version=\"2.0\"/>");
        Write("rss20-broken-item-without-anything.xml", Rss20("<item></item>" + RssItem(1)));
        Write("rss20-broken-two-declarations.xml", good.Replace("<channel>", "<?xml version=\"1.0\"?>\n<channel>", StringComparison.Ordinal));
        Write("rss20-broken-invalid-link.xml", Rss20("<item><title>Liên kết hỏng</title><link>javascript:alert(1)</link></item><item><title>Liên kết có dấu cách</title><link>https://baomau.example.vn/co dau cach.html</link></item>"));
        Write("rss20-broken-raw-html-in-title.xml", Rss20("<item><title>Tin <b>nóng</b> hôm nay</title><link>https://baomau.example.vn/nong</link></item>"));
        Write("rss20-broken-cdata-unterminated.xml", Rss20(RssItem(1) + "<item><title>CDATA chưa đóng</title><description><![CDATA[<p>mãi mãi</description></item>" + RssItem(3)));
        Write("rss10-broken-truncated.xml", Rdf(RdfItem(1) + RdfItem(2) + RdfItem(3))[..^60]);
        Write("rss10-broken-bare-ampersand.xml", Rdf(RdfItem(1).Replace(Headline(1), "R&D trong nước", StringComparison.Ordinal)));
        Write("rss10-broken-html-entities.xml", Rdf(RdfItem(1).Replace("Tóm tắt", "Tóm&nbsp;tắt &ndash;", StringComparison.Ordinal)));
        var atom = Atom10(AtomEntry(1) + AtomEntry(2) + AtomEntry(3));
        Write("atom10-broken-truncated-mid-entry.xml", atom[..(atom.IndexOf("bai-3", StringComparison.Ordinal) + 5)]);
        Write("atom10-broken-bare-ampersand.xml", Atom10(AtomEntry(1).Replace(Headline(1), "Mì & phở", StringComparison.Ordinal)));
        Write("atom10-broken-html-entities.xml", Atom10(AtomEntry(1).Replace(Headline(1), "Phở&nbsp;bò &eacute;", StringComparison.Ordinal)));
        Write("atom10-broken-unclosed-entry.xml", Atom10(AtomEntry(1).Replace("</entry>", string.Empty, StringComparison.Ordinal) + AtomEntry(2)));
        Write("atom10-broken-junk-before.xml", "\uFEFF\r\n<br />\n<b>Warning</b>: something\n" + Atom10(AtomEntry(1)));
        Write("atom10-broken-control-characters.xml", Atom10(AtomEntry(1).Replace(Headline(1), Headline(1) + "\u0008\u0014", StringComparison.Ordinal)));
        Write("atom10-broken-empty-feed.xml", Atom10(string.Empty));
        Write("atom10-broken-undeclared-media-prefix.xml", Atom10(AtomEntry(1, extra: "<media:thumbnail url=\"https://i.example.org/t.jpg\"/>\n") + AtomEntry(2)).Replace(" xmlns:media=\"http://search.yahoo.com/mrss/\"", string.Empty, StringComparison.Ordinal));
    }

    private void EncodingFixtures()
    {
        var vietnamese = Rss20(RssItem(1) + RssItem(2));
        WriteBytes("rss20-encoding-utf8-bom.xml", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(vietnamese)]);
        WriteBytes("rss20-encoding-utf16le-bom.xml", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(vietnamese.Replace("UTF-8", "UTF-16", StringComparison.Ordinal))]);
        WriteBytes("rss20-encoding-utf16be-bom.xml", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(vietnamese.Replace("UTF-8", "UTF-16", StringComparison.Ordinal))]);
        WriteBytes("rss20-encoding-windows-1258-declared.xml", Encoding.GetEncoding(1258).GetBytes(vietnamese.Replace("UTF-8", "windows-1258", StringComparison.Ordinal).To1258()));
        WriteBytes("rss20-encoding-windows-1258-undeclared.xml", Encoding.GetEncoding(1258).GetBytes(vietnamese.Replace(" encoding=\"UTF-8\"", string.Empty, StringComparison.Ordinal).To1258()));
        var french = Neutral(Rss20("<item><title>Été à Paris — café crème</title><link>https://journal.example.fr/ete</link><description>Œuvres d’art “célèbres”</description></item>").Replace("<language>vi</language>", "<language>fr</language>", StringComparison.Ordinal));
        WriteBytes("rss20-encoding-windows-1252-declared.xml", Encoding.GetEncoding(1252).GetBytes(french.Replace("UTF-8", "windows-1252", StringComparison.Ordinal)));
        WriteBytes("rss20-encoding-windows-1252-undeclared.xml", Encoding.GetEncoding(1252).GetBytes(french.Replace(" encoding=\"UTF-8\"", string.Empty, StringComparison.Ordinal)));
        WriteBytes("rss20-encoding-iso-8859-1-declared-is-1252.xml", Encoding.GetEncoding(1252).GetBytes(french.Replace("UTF-8", "ISO-8859-1", StringComparison.Ordinal)));
        WriteBytes("rss20-encoding-declared-utf8-but-1252.xml", Encoding.GetEncoding(1252).GetBytes(french));
        var german = Neutral(Rss20("<item><title>Grüße aus Köln: Straße</title><link>https://zeitung.example.de/gruesse</link></item>").Replace("<language>vi</language>", "<language>de</language>", StringComparison.Ordinal));
        WriteBytes("rss20-encoding-iso-8859-15.xml", Encoding.GetEncoding("iso-8859-15").GetBytes(german.Replace("UTF-8", "ISO-8859-15", StringComparison.Ordinal) + "<!-- € -->"));
        var russian = Neutral(Rss20("<item><title>Новости дня: погода в Москве</title><link>https://gazeta.example.ru/pogoda</link></item>").Replace("<language>vi</language>", "<language>ru</language>", StringComparison.Ordinal));
        WriteBytes("rss20-encoding-koi8-r.xml", Encoding.GetEncoding("koi8-r").GetBytes(russian.Replace("UTF-8", "KOI8-R", StringComparison.Ordinal)));
        WriteBytes("rss20-encoding-windows-1251.xml", Encoding.GetEncoding(1251).GetBytes(russian.Replace("UTF-8", "windows-1251", StringComparison.Ordinal)));
        WriteBytes("rss20-encoding-http-charset-wins-over-declaration.xml", Encoding.GetEncoding(1251).GetBytes(russian.Replace("UTF-8", "ISO-8859-1", StringComparison.Ordinal)), new() { ["contentType"] = "application/rss+xml; charset=windows-1251" });
        WriteBytes("rss20-encoding-http-latin1-but-utf8.xml", Encoding.UTF8.GetBytes(vietnamese), new() { ["contentType"] = "text/xml; charset=ISO-8859-1" });
        WriteBytes("rss20-encoding-http-utf8-but-1258.xml", Encoding.GetEncoding(1258).GetBytes(vietnamese.Replace("UTF-8", "windows-1258", StringComparison.Ordinal).To1258()), new() { ["contentType"] = "application/xml; charset=utf-8" });
        WriteBytes("rss20-encoding-http-quoted-charset.xml", Encoding.GetEncoding(1252).GetBytes(french.Replace(" encoding=\"UTF-8\"", string.Empty, StringComparison.Ordinal)), new() { ["contentType"] = "text/xml; charset=\"windows-1252\"" });
        WriteBytes("rss20-encoding-unknown-name.xml", Encoding.UTF8.GetBytes(vietnamese.Replace("UTF-8", "x-klingon", StringComparison.Ordinal)));
        WriteBytes("rss20-encoding-declared-utf16-but-utf8.xml", Encoding.UTF8.GetBytes(vietnamese.Replace("UTF-8", "UTF-16", StringComparison.Ordinal)));
        WriteBytes("atom10-encoding-windows-1258.xml", Encoding.GetEncoding(1258).GetBytes(Atom10(AtomEntry(1)).Replace("utf-8", "windows-1258", StringComparison.Ordinal).To1258()));
        WriteBytes("jsonfeed-encoding-utf8-bom.json", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(JsonFeed(JsonItem(1)))]);
    }

    /// <summary>A channel title and description any legacy encoding can hold.</summary>
    private static string Neutral(string document) =>
        document.Replace("Tin mới nhất - Báo Mẫu", "Daily news", StringComparison.Ordinal).Replace("Tin tức trong ngày", "News of the day", StringComparison.Ordinal);

    private void SanitizingFixtures()
    {
        void Html(string slug, string html) =>
            Write($"rss20-sanitize-{slug}.xml", Rss20($"<item><title>Làm sạch: {slug}</title><link>https://baomau.example.vn/s/{slug}.html</link><description><![CDATA[{html}]]></description></item>"));

        Html("script", "<p>Chào</p><script>alert('x')</script><noscript>n</noscript>");
        Html("event-handlers", "<p onclick=\"alert(1)\" onmouseover=\"x()\">Nhấn</p><img src=\"https://cdn.example.vn/a.jpg\" onerror=\"alert(2)\">");
        Html("javascript-url", "<a href=\"javascript:alert(1)\">xấu</a> <a href=\" JaVaScRiPt:alert(2)\">xấu 2</a> <a href=\"java&#115;cript:alert(3)\">xấu 3</a>");
        Html("data-url-link-removed", "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">dữ liệu</a>");
        Html("data-image-kept", "<p>Ảnh nhúng</p><img src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\" alt=\"chấm\" width=\"20\" height=\"20\">");
        Html("data-svg-image-removed", "<p>SVG</p><img src=\"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=\" alt=\"svg\" width=\"20\" height=\"20\">");
        Html("iframe-youtube-kept", "<p>Video</p><iframe src=\"https://www.youtube.com/embed/abc123\" width=\"560\" height=\"315\" allowfullscreen></iframe>");
        Html("iframe-vimeo-kept", "<iframe src=\"https://player.vimeo.com/video/76979871\" width=\"640\" height=\"360\"></iframe><p>Vimeo</p>");
        Html("iframe-other-removed", "<p>Quảng cáo</p><iframe src=\"https://ads.example.com/frame\"></iframe><iframe src=\"http://www.youtube.com/embed/insecure\"></iframe>");
        Html("form-removed", "<form action=\"https://evil.example.com\"><input name=\"pw\" type=\"password\"><button>Gửi</button></form><p>Sau biểu mẫu</p>");
        Html("style-removed", "<p style=\"background:url(javascript:alert(1))\">Kiểu</p><style>body{display:none}</style><div style=\"color:red\">đỏ</div>");
        Html("tracking-pixel-removed", "<p>Nội dung</p><img src=\"https://track.example.com/p.gif\" width=\"1\" height=\"1\"><img src=\"https://cdn.example.vn/that.jpg\" width=\"300\" height=\"200\">");
        Html("relative-urls-against-link", "<p><a href=\"/chuyen-muc/khac.html\">khác</a> <img src=\"anh/1.jpg\" alt=\"a\"></p>");
        Html("object-embed-removed", "<object data=\"x.swf\"><embed src=\"x.swf\"></object><p>Flash cũ</p>");
        Html("meta-refresh-removed", "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example.com\"><p>Chuyển hướng</p>");
        Html("svg-script-removed", "<svg><script>alert(1)</script></svg><p>SVG</p>");
        Html("comment-removed", "<!-- <script>alert(1)</script> --><p>Bình luận HTML</p>");
        Html("nested-allowed-markup", "<figure><img src=\"https://cdn.example.vn/b.jpg\" alt=\"b\" width=\"640\" height=\"480\"><figcaption>Chú thích <em>ảnh</em></figcaption></figure><ul><li>Một</li><li>Hai</li></ul><blockquote><p>Trích dẫn</p></blockquote>");
        Html("unbalanced-markup", "<p>Đoạn <b>đậm <i>nghiêng</p> tiếp");
        Html("entities-kept-safe", "<p>5 &lt; 6 &amp;&amp; 7 &gt; 3 &nbsp; &hellip; &#8220;trích&#8221;</p>");
        Html("only-whitespace-becomes-null", "<p> &nbsp; </p><br>");
        Html("mailto-kept", "<p>Liên hệ <a href=\"mailto:toasoan@baomau.example.vn\">tòa soạn</a></p>");
        Html("base-tag-removed", "<base href=\"https://evil.example.com/\"><a href=\"x.html\">liên kết</a>");
        Html("vbscript-url", "<a href=\"vbscript:msgbox(1)\">vb</a><p>còn lại</p>");
        Write("atom10-sanitize-xhtml-script.xml", Atom10(AtomEntry(1, extra: "  <content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p onclick=\"x()\">Chữ</p><script>alert(1)</script></div></content>\n")));
        Write("atom10-sanitize-relative-xml-base.xml", Atom10(AtomEntry(1, extra: "  <content type=\"html\">&lt;a href=\"../khac.html\"&gt;khác&lt;/a&gt;&lt;img src=\"anh.png\" alt=\"p\"&gt;</content>\n").Replace("<entry>", "<entry xml:base=\"https://blog.example.org/2026/01/\">", StringComparison.Ordinal)));
        Write("jsonfeed-sanitize-content-html.json", JsonFeed(JsonItem(1, extra: ", \"summary\": \"Tóm tắt <b>không</b> phải HTML\"").Replace("<p>Nội dung 1.</p>", "<p>Nội dung</p><script>alert(1)</script><img src=\\\"/anh.jpg\\\" alt=\\\"a\\\">", StringComparison.Ordinal)));
    }

    private void JsonFixtures()
    {
        Write("jsonfeed-v1-author.json", JsonFeed(JsonItem(1, extra: ", \"author\": {\"name\": \"Lan Anh\", \"url\": \"https://ghichep.example.vn/lan-anh\"}"), "https://jsonfeed.org/version/1"));
        Write("jsonfeed-v11-authors.json", JsonFeed(JsonItem(1, extra: ", \"authors\": [{\"name\": \"Lan Anh\"}, {\"name\": \"Quốc Bảo\", \"avatar\": \"https://ghichep.example.vn/qb.png\"}]")));
        Write("jsonfeed-feed-authors-inherited.json", JsonFeed(JsonItem(1) + ",\n" + JsonItem(2), extra: ",\n  \"authors\": [{\"name\": \"Ban biên tập\"}]"));
        Write("jsonfeed-attachments.json", JsonFeed(JsonItem(1, extra: ", \"attachments\": [{\"url\": \"https://ghichep.example.vn/1.mp3\", \"mime_type\": \"audio/mpeg\", \"size_in_bytes\": 1234567}, {\"url\": \"/2.pdf\", \"mime_type\": \"application/pdf\"}]")));
        Write("jsonfeed-image-tags-external-url.json", JsonFeed("{\"id\": 42, \"external_url\": \"https://nguon.example.com/bai\", \"content_text\": \"Chỉ văn bản\\nhai dòng\", \"image\": \"https://ghichep.example.vn/anh.png\", \"tags\": [\"công nghệ\", \"AI\", 7], \"date_modified\": \"2026-01-19T13:35:00+07:00\"}"));
        Write("jsonfeed-summary-and-content-text.json", JsonFeed("{\"id\": \"s1\", \"url\": \"https://ghichep.example.vn/s1\", \"title\": \"Tóm tắt\", \"summary\": \"Ngắn gọn & rõ\", \"content_text\": \"Dài <hơn>\"}"));
        Write("jsonfeed-trailing-commas-and-comments.json", "{\n // comment\n \"version\": \"https://jsonfeed.org/version/1.1\",\n \"title\": \"Lỏng lẻo\",\n \"items\": [\n  {\"id\": \"1\", \"url\": \"https://x.example.vn/1\", \"title\": \"Một\",},\n ],\n}\n");
        var full = JsonFeed(JsonItem(1) + ",\n" + JsonItem(2) + ",\n" + JsonItem(3));
        Write("jsonfeed-truncated.json", full[..(full.IndexOf("\"id\": \"https://ghichep.example.vn/3\"", StringComparison.Ordinal) + 12)]);
        Write("jsonfeed-missing-version.json", "{\"title\": \"Không có phiên bản\", \"items\": [" + JsonItem(1) + "]}");
        Write("jsonfeed-not-a-feed.json", "{\"status\": \"ok\", \"data\": []}");
        Write("jsonfeed-items-not-objects.json", JsonFeed("\"chuỗi\", 3, " + JsonItem(1)));
        Write("jsonfeed-empty-items.json", JsonFeed(string.Empty));
        Write("jsonfeed-top-level-array.json", "[{\"id\": 1}]");
        Write("jsonfeed-malformed.json", "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Hỏng\" \"items\": []}");
        Write("jsonfeed-html-title-is-text.json", JsonFeed("{\"id\": \"t\", \"url\": \"https://x.example.vn/t\", \"title\": \"<b>Không</b> phải thẻ & đúng\"}"));
    }

    private void Write(string name, string text, Dictionary<string, string>? options = null) =>
        WriteBytes(name, Encoding.UTF8.GetBytes(text), options);

    private void WriteBytes(string name, byte[] bytes, Dictionary<string, string>? options = null)
    {
        File.WriteAllBytes(Path.Combine(directory, name), bytes);
        if (options is not null)
        {
            var optionsName = Path.GetFileNameWithoutExtension(name) + ".options.json";
            File.WriteAllText(Path.Combine(directory, optionsName), JsonSerializer.Serialize(options, JsonOptions) + "\n");
        }

        _written++;
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
