using FeedHub.Normalizing;
using FeedHub.Storage;
using FeedHub.Tests.EndToEnd;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace FeedHub.Tests.Extracting;

/// <summary>
/// Full-content sources through the real poller: a local news site whose feed links to the outlet fixtures, FeedHub
/// on SQLite with only the API role, so the scheduler never polls and every poll is the test's own.
/// </summary>
public sealed class FullContentTests : IAsyncLifetime
{
    private const string SourceName = "Báo Thử Nghiệm";
    private const string Teaser = "Tóm tắt ngắn trong nguồn tin.";
    private static readonly DateTimeOffset FeedDate = new(2026, 1, 19, 6, 35, 0, TimeSpan.Zero);

    private readonly string dataFolder = Directory.CreateTempSubdirectory("feedhub-fullcontent-").FullName;
    private readonly Dictionary<string, ExtractionFixture> fixtures = ExtractionCorpus.Load(ExtractionCorpus.Directory).ToDictionary(f => f.Name, StringComparer.Ordinal);
    private NewsSite site = null!;
    private TestFeedHub? hub;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private ExtractionFixture Tuoitre => fixtures["tuoitre-related-box"];

    private ExtractionFixture Thanhnien => fixtures["thanhnien-related-label"];

    public async ValueTask InitializeAsync()
    {
        site = await NewsSite.StartAsync();
        foreach (var fixture in fixtures.Values)
        {
            site.AddPage(fixture.Name, fixture.Body, fixture.ContentType);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (hub is not null)
        {
            await hub.DisposeAsync();
        }

        await site.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataFolder, recursive: true);
    }

    [Fact]
    public async Task New_items_are_stored_with_the_article_text_of_their_page_without_its_boilerplate()
    {
        site.Publish(Item("tt", Tuoitre.Name, dated: false), Item("tn", Thanhnien.Name));
        await StartHubAsync();

        var outcome = await PollAsync();

        Assert.Equal(PollOutcomeKind.Fetched, outcome.Kind);
        Assert.Equal(2, outcome.Added);
        var tuoitre = await StoredAsync("tt");
        AssertFullText(Tuoitre, tuoitre);
        AssertFullText(Thanhnien, await StoredAsync("tn"));
        Assert.Equal(Teaser, PlainText.FromHtml(tuoitre.Summary));

        // The feed dated and credited nothing for this item: the page's own date and byline fill in.
        Assert.Equal(DateTimeOffset.Parse(Tuoitre.Published!, System.Globalization.CultureInfo.InvariantCulture), tuoitre.PublishedAt);
        Assert.Equal("Châu Tuấn", Assert.Single(tuoitre.Authors).Name);
        Assert.Equal(FeedDate, (await StoredAsync("tn")).PublishedAt);
    }

    [Fact]
    public async Task A_second_poll_of_the_same_feed_counts_nothing_changed_keeps_the_full_text_and_fetches_only_new_pages()
    {
        site.Publish(Item("tt", Tuoitre.Name));
        await StartHubAsync();
        Assert.Equal(1, (await PollAsync()).Added);
        var first = await StoredAsync("tt");

        site.Publish(Item("tt", Tuoitre.Name), Item("tn", Thanhnien.Name));
        var second = await PollAsync();

        Assert.Equal(PollOutcomeKind.Fetched, second.Kind);
        Assert.Equal(1, second.Added);
        Assert.Equal(0, second.Changed);
        var kept = await StoredAsync("tt");
        AssertFullText(Tuoitre, kept);
        Assert.Equal(first.Content, kept.Content);
        Assert.Equal(first.ContentHash, kept.ContentHash);
        Assert.Null(kept.ChangedAt);
        Assert.Equal(0, await hub!.WithDbAsync(db => db.Outbox.CountAsync(m => m.MessageType == "FeedItemUpdated", Cancellation)));
        Assert.Equal(1, site.RequestsFor(Tuoitre.Name));
        Assert.Equal(1, site.RequestsFor(Thanhnien.Name));
        AssertFullText(Thanhnien, await StoredAsync("tn"));
    }

    [Fact]
    public async Task An_item_edited_in_the_feed_is_counted_changed_and_gets_its_page_again()
    {
        site.Publish(Item("tt", Tuoitre.Name));
        await StartHubAsync();
        await PollAsync();

        site.Publish(Item("tt", Tuoitre.Name) with { Title = "Tiêu đề đã sửa" });
        var edited = await PollAsync();

        Assert.Equal(1, edited.Changed);
        Assert.Equal(2, site.RequestsFor(Tuoitre.Name));
        var stored = await StoredAsync("tt");
        Assert.Equal("Tiêu đề đã sửa", stored.Title);
        AssertFullText(Tuoitre, stored);
    }

    [Theory]
    [InlineData(PageBehaviour.NotFound)]
    [InlineData(PageBehaviour.Hang)]
    public async Task A_page_that_fails_leaves_its_item_with_the_feed_teaser_and_the_poll_healthy(PageBehaviour behaviour)
    {
        site.AddPage("broken", behaviour);
        site.Publish(Item("bad", "broken"), Item("tt", Tuoitre.Name));
        await StartHubAsync();

        var outcome = await PollAsync();

        Assert.Equal(PollOutcomeKind.Fetched, outcome.Kind);
        Assert.Equal(2, outcome.Added);
        Assert.Equal(1, site.RequestsFor("broken"));
        var bad = await StoredAsync("bad");
        Assert.Null(bad.Content);
        Assert.Equal(Teaser, PlainText.FromHtml(bad.Summary));
        AssertFullText(Tuoitre, await StoredAsync("tt"));
        var source = await hub!.WithDbAsync(db => db.Sources.AsNoTracking().SingleAsync(Cancellation));
        Assert.True(source.Health.IsHealthy);
        Assert.Null(source.Health.LastError);
    }

    [Fact]
    public async Task A_page_that_is_not_html_or_has_no_article_leaves_the_feed_content()
    {
        site.AddPage("image", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A], "image/png");
        site.AddPage("empty", "<html><body><nav><a href=\"/\">Trang chủ</a></nav></body></html>"u8.ToArray(), "text/html; charset=utf-8");
        site.Publish(Item("png", "image"), Item("nav", "empty"));
        await StartHubAsync();

        var outcome = await PollAsync();

        Assert.Equal(2, outcome.Added);
        Assert.Equal(2, site.ArticleRequests.Count);
        Assert.Null((await StoredAsync("png")).Content);
        Assert.Null((await StoredAsync("nav")).Content);
    }

    [Fact]
    public async Task Per_site_remove_rules_are_applied_to_the_page()
    {
        site.Publish(Item("tt", Tuoitre.Name));
        await StartHubAsync(settings => settings["FeedHub:Sources:0:Extraction:Remove:0"] = "h2.detail-sapo");

        await PollAsync();

        var text = Comparable((await StoredAsync("tt")).Content);
        Assert.DoesNotContain(Comparable(Tuoitre.Keep[0]), text, StringComparison.Ordinal);
        Assert.All(Tuoitre.Keep.Skip(1), p => Assert.Contains(Comparable(p), text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_more_pages_than_the_cap_are_fetched_in_one_poll_and_every_item_is_still_stored()
    {
        string[] names = ["tuoitre-related-box", "thanhnien-related-label", "dantri-xem-them", "vnexpress-inbody-related"];
        site.Publish([.. names.Select((name, i) => Item($"i{i}", name))]);
        await StartHubAsync(settings => settings["FeedHub:FullContent:MaxPagesPerPoll"] = "2");

        var outcome = await PollAsync();

        Assert.Equal(4, outcome.Added);
        Assert.Equal(2, site.ArticleRequests.Count);
        var stored = await hub!.WithDbAsync(db => db.Items.AsNoTracking().ToListAsync(Cancellation));
        Assert.Equal(2, stored.Count(i => i.Content is not null));
        Assert.Equal(2, stored.Count(i => i.Content is null && PlainText.FromHtml(i.Summary) == Teaser));
    }

    [Fact]
    public async Task A_source_without_full_content_fetches_no_pages()
    {
        site.Publish(Item("tt", Tuoitre.Name), Item("tn", Thanhnien.Name));
        await StartHubAsync(settings => settings["FeedHub:Sources:0:FullContent"] = "false");

        var outcome = await PollAsync();

        Assert.Equal(2, outcome.Added);
        Assert.Single(site.Requests);
        Assert.Empty(site.ArticleRequests);
        Assert.Null((await StoredAsync("tt")).Content);
    }

    [Fact]
    public async Task The_source_headers_go_to_its_own_origin_only()
    {
        await using var elsewhere = await NewsSite.StartAsync();
        elsewhere.AddPage(Thanhnien.Name, Thanhnien.Body, Thanhnien.ContentType);
        site.Publish(Item("tt", Tuoitre.Name), new NewsItem("tn", "Tin khác", elsewhere.ArticleUrl(Thanhnien.Name), Teaser, FeedDate));
        await StartHubAsync(settings => settings["FeedHub:Sources:0:Headers:X-Feed-Token"] = "s3cret-token");

        Assert.Equal(2, (await PollAsync()).Added);

        Assert.Equal("s3cret-token", Assert.Single(site.ArticleRequests).Headers["X-Feed-Token"]);
        Assert.False(Assert.Single(elsewhere.ArticleRequests).Headers.ContainsKey("X-Feed-Token"));
        AssertFullText(Thanhnien, await StoredAsync("tn"));
    }

    private NewsItem Item(string guid, string page, bool dated = true) =>
        new(guid, $"Tin {guid}", site.ArticleUrl(page), Teaser, dated ? FeedDate : null);

    private async Task StartHubAsync(Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = new Dictionary<string, string?>
        {
            // No scheduler: the test's polls are the only ones, so request counts are exact.
            ["FeedHub:Roles"] = "api",
            ["FeedHub:Fetching:MinDelayPerHost"] = "00:00:00",
            ["FeedHub:Fetching:Timeout"] = "00:00:01",
            ["FeedHub:Sources:0:Name"] = SourceName,
            ["FeedHub:Sources:0:Url"] = site.FeedUrl.AbsoluteUri,
            ["FeedHub:Sources:0:Interval"] = "01:00:00",
            ["FeedHub:Sources:0:TimeZone"] = "Asia/Ho_Chi_Minh",
            ["FeedHub:Sources:0:FullContent"] = "true",
            ["Logging:LogLevel:Default"] = "None",
        };
        configure?.Invoke(settings);
        hub = await TestFeedHub.StartAsync(dataFolder, settings, Cancellation);
        await Eventually.HoldsAsync(
            async () => await hub.WithDbAsync(db => db.Sources.AnyAsync(s => s.Name == SourceName, Cancellation)),
            "the configured source is stored");
    }

    private async Task<PollOutcome> PollAsync()
    {
        var id = await hub!.WithDbAsync(db => db.Sources.Where(s => s.Name == SourceName).Select(s => s.Id).SingleAsync(Cancellation));
        await using var scope = hub.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SourcePoller>().PollAsync(id, Cancellation);
    }

    private Task<StoredItem> StoredAsync(string guid) =>
        hub!.WithDbAsync(db => db.Items.AsNoTracking().SingleAsync(i => i.FeedGuid == guid, Cancellation));

    private static string Comparable(string? html) => ExtractionCorpus.Comparable(PlainText.FromHtml(html));

    private static void AssertFullText(ExtractionFixture page, StoredItem item)
    {
        var text = Comparable(item.Content);
        Assert.All(page.Keep, p => Assert.Contains(ExtractionCorpus.Comparable(p), text, StringComparison.Ordinal));
        Assert.All(page.Boilerplate, b => Assert.DoesNotContain(ExtractionCorpus.Comparable(b), text, StringComparison.Ordinal));
        Assert.DoesNotContain(Teaser, text, StringComparison.Ordinal);
    }
}
