using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using FeedHub.Tests.Api;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace FeedHub.BrowserTests;

/// <summary>
/// The admin page in a real headless Chromium, against a whole FeedHub whose scheduler polls a local
/// feed server: what an operator sees and does, clicked through as they would.
/// </summary>
public sealed class AdminPageBrowserTests(DebianChromium chromium) : IClassFixture<DebianChromium>, IAsyncLifetime
{
    private static readonly TimeSpan PollWithin = TimeSpan.FromSeconds(60);

    private OperatorApiHost host = null!;

    public async ValueTask InitializeAsync() => host = await OperatorApiHost.StartAsync();

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Operator_adds_a_source_and_sees_its_items_and_health_turn_good()
    {
        var page = await SignedInPageAsync(OperatorApiHost.OperatorKey);

        await SourceField(page, "Feed URL").FillAsync(host.Feeds.UrlOf("vn.xml").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        var preview = page.Locator("#preview");
        await Expect(preview).ToContainTextAsync("Tin mới nhất - Báo Thử Nghiệm");
        await Expect(preview).ToContainTextAsync("3 items");
        await Expect(preview).ToContainTextAsync("Giá xăng giảm lần thứ ba liên tiếp");

        await SourceField(page, "Name").FillAsync("Báo Thử Nghiệm");
        await SourceField(page, "Tags").FillAsync("thoi-su, kinh-te");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add source" }).ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("Báo Thử Nghiệm added");

        var row = SourceRow(page, "Báo Thử Nghiệm");
        await Expect(row.Locator(".state-cell")).ToHaveTextAsync("healthy", new() { Timeout = (float)PollWithin.TotalMilliseconds });
        await Expect(row.Locator("td.items")).ToContainTextAsync("3");
        await Expect(row.Locator("td.tags")).ToHaveTextAsync("thoi-su, kinh-te");
        await Expect(row.Locator("td.last-success time")).ToBeVisibleAsync();
        await Expect(row.Locator("td.error")).ToBeEmptyAsync();
        await Expect(row.Locator("td.next-poll")).Not.ToHaveTextAsync("—");

        await row.GetByRole(AriaRole.Button, new() { Name = "Details" }).ClickAsync();
        var details = page.Locator("#details");
        await Expect(details.Locator("#details-heading")).ToHaveTextAsync("Báo Thử Nghiệm");
        await Expect(details.Locator("#details-items li")).ToHaveCountAsync(3);
        await Expect(details.Locator("#details-items")).ToContainTextAsync("Đội tuyển Việt Nam thắng đậm ở vòng loại");
        await Expect(details.Locator("#details-health")).ToContainTextAsync("3 in all");

        await ScreenshotAsync(page, "admin-healthy-source");
    }

    [Fact]
    public async Task A_source_that_answers_404_shows_that_error()
    {
        var page = await SignedInPageAsync(OperatorApiHost.OperatorKey);

        await SourceField(page, "Feed URL").FillAsync(host.Feeds.UrlOf("missing.xml").ToString());
        await SourceField(page, "Name").FillAsync("Missing feed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add source" }).ClickAsync();

        var row = SourceRow(page, "Missing feed");
        await Expect(row.Locator(".state-cell")).ToContainTextAsync("failing", new() { Timeout = (float)PollWithin.TotalMilliseconds });
        await Expect(row.Locator("td.error")).ToContainTextAsync("404");
        await Expect(row.Locator("td.last-success")).ToHaveTextAsync("never");

        // Poll now answers in the request, and the failure is said at once.
        await row.GetByRole(AriaRole.Button, new() { Name = "Poll now" }).ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("Missing feed: the poll failed");
        await Expect(row.Locator(".state-cell")).ToContainTextAsync("failing ×");

        await ScreenshotAsync(page, "admin-failing-source");
    }

    [Fact]
    public async Task Invalid_fields_are_shown_beside_their_inputs()
    {
        var page = await SignedInPageAsync(OperatorApiHost.OperatorKey);

        await SourceField(page, "Feed URL").FillAsync(host.Feeds.UrlOf("vn.xml").ToString());
        await SourceField(page, "Cron").FillAsync("every so often");
        await SourceField(page, "Time zone").FillAsync("Mars/Olympus_Mons");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add source" }).ClickAsync();

        await Expect(SourceField(page, "Cron")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#source-form-cron-error")).ToContainTextAsync("is not a valid cron expression");
        await Expect(page.Locator("#source-form-timeZone-error")).ToContainTextAsync("not a known IANA time zone");
        await Expect(SourceField(page, "Time zone")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#sources-table tbody tr")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Operator_edits_a_source_and_the_table_shows_the_change()
    {
        var page = await SignedInPageAsync(OperatorApiHost.OperatorKey);
        await SourceField(page, "Feed URL").FillAsync(host.Feeds.UrlOf("vn.xml").ToString());
        await SourceField(page, "Name").FillAsync("Before");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add source" }).ClickAsync();
        var row = SourceRow(page, "Before");
        await row.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();

        await Expect(SourceField(page, "Feed URL")).ToHaveValueAsync(host.Feeds.UrlOf("vn.xml").ToString());
        await SourceField(page, "Name").FillAsync("After");
        await SourceField(page, "Interval").FillAsync("00:30:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        var changed = SourceRow(page, "After");
        await Expect(changed.Locator("td.schedule")).ToHaveTextAsync("30 min");
        await Expect(SourceRow(page, "Before")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Opml_import_shows_progress_and_its_sources_appear()
    {
        var page = await SignedInPageAsync(OperatorApiHost.OperatorKey);
        var opml = Opml(count: 120);

        await page.Locator("#opml-form input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "subscriptions.opml",
            MimeType = "text/x-opml",
            Buffer = Encoding.UTF8.GetBytes(opml),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        await Expect(page.Locator("#opml-status")).ToContainTextAsync("Imported: 120 added, 0 already there, 0 invalid, of 120.");
        await Expect(page.Locator("#opml-progress")).ToHaveAttributeAsync("value", "1");
        var rows = page.Locator("#sources-table tbody tr");
        var more = page.GetByRole(AriaRole.Button, new() { Name = "Show more" });
        await Expect(rows).ToHaveCountAsync(50);
        await more.ClickAsync();
        await Expect(rows).ToHaveCountAsync(100);
        await more.ClickAsync();
        await Expect(rows).ToHaveCountAsync(120);
        await Expect(more).ToBeHiddenAsync();

        await page.Locator("#source-filters input[name=tag]").FillAsync("Thể thao");
        await page.Locator("#source-filters").GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(50);
        await more.ClickAsync();
        await Expect(rows).ToHaveCountAsync(60);
        await Expect(rows.Locator("td.tags", new() { HasText = "Kinh tế" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Operator_defines_a_merged_feed_and_its_links_serve_it()
    {
        var page = await SignedInPageAsync(OperatorApiHost.OperatorKey);
        await Expect(page.Locator("#feeds-table tr[data-feed-slug=all]")).ToBeVisibleAsync();

        var form = page.Locator("#feed-form");
        await form.GetByLabel("Slug").FillAsync("thoi-su");
        await form.GetByLabel("Title").FillAsync("Thời sự");
        await form.GetByLabel("Include keywords").FillAsync("ha noi, bao");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create feed" }).ClickAsync();

        var row = page.Locator("#feeds-table tr[data-feed-slug=thoi-su]");
        await Expect(row).ToContainTextAsync("Thời sự");
        await Expect(row).ToContainTextAsync("with ha noi | bao");
        var href = await row.GetByRole(AriaRole.Link, new() { Name = "Atom" }).GetAttributeAsync("href");
        Assert.EndsWith("/feeds/thoi-su.atom", href, StringComparison.Ordinal);

        using var http = new HttpClient();
        using var feed = await http.GetAsync(new Uri(href!), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_read_only_key_sees_health_but_no_controls_that_change_anything()
    {
        using (var operatorApi = host.Client())
        {
            using var added = await operatorApi.PostAsJsonAsync("/api/sources", new { url = host.Feeds.UrlOf("vn.xml").ToString(), name = "Báo Thử Nghiệm" }, TestContext.Current.CancellationToken);
            Assert.True(added.IsSuccessStatusCode);
        }

        var page = await SignedInPageAsync(OperatorApiHost.ReaderKey);

        var row = SourceRow(page, "Báo Thử Nghiệm");
        await Expect(row.Locator(".state-cell")).ToHaveTextAsync("healthy", new() { Timeout = (float)PollWithin.TotalMilliseconds });
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Details" })).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Poll now" })).ToHaveCountAsync(0);
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Edit" })).ToHaveCountAsync(0);
        await Expect(page.Locator("#source-form")).ToBeHiddenAsync();
        await Expect(page.Locator("#opml-form")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_wrong_key_stays_on_the_sign_in_form_and_signing_out_ends_the_session()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(new Uri(host.Hub.BaseAddress, "/admin").ToString());
        await page.GetByLabel("API key").FillAsync("fh_not_a_key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not one of this FeedHub's keys");

        await page.GetByLabel("API key").FillAsync(OperatorApiHost.OperatorKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Merged feeds" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByLabel("API key")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page.GetByLabel("API key")).ToBeVisibleAsync();
    }

    private async Task<IPage> SignedInPageAsync(string key)
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(new Uri(host.Hub.BaseAddress, "/admin").ToString());
        await page.GetByLabel("API key").FillAsync(key);

        // From here on, any script error or blocked resource (a CSP violation) is a failure.
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sources" })).ToBeVisibleAsync();
        await Expect(page.Locator("#feeds-table tbody tr").First).ToBeVisibleAsync();
        Assert.Empty(errors);
        return page;
    }

    private static ILocator SourceField(IPage page, string label) =>
        page.Locator("#source-form").GetByLabel(label, new() { Exact = true });

    private static ILocator SourceRow(IPage page, string name) =>
        page.Locator("#sources-table tbody tr", new() { Has = page.Locator("td.name strong", new() { HasTextRegex = ExactName(name) }) });

    private static Regex ExactName(string name) => new($"^{Regex.Escape(name)}$");

    private string Opml(int count)
    {
        var outlines = new StringBuilder();
        string[] folders = ["Thể thao", "Kinh tế"];
        for (var f = 0; f < folders.Length; f++)
        {
            var folder = folders[f];
            outlines.Append(CultureInfo.InvariantCulture, $"<outline text=\"{folder}\">");
            for (var i = 0; i < count / 2; i++)
            {
                var url = host.Feeds.UrlOf($"opml-{f}-{i}.xml");
                outlines.Append(CultureInfo.InvariantCulture, $"<outline type=\"rss\" text=\"{folder} {i}\" xmlUrl=\"{url}\"/>");
            }

            outlines.Append("</outline>");
        }

        return $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><opml version=\"2.0\"><head><title>t</title></head><body>{outlines}</body></opml>";
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }
}
