using System.Net;
using System.Net.Http.Json;
using FeedHub.Clustering;
using FeedHub.Sources;
using FeedHub.Storage;
using Xunit;

namespace FeedHub.Tests.Feeds;

/// <summary>A merged feed that collapses stories shows each story once, as its earliest telling in the feed, linking the rest.</summary>
public sealed class StoryCollapseTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Morning = new(2026, 1, 19, 6, 0, 0, TimeSpan.Zero);
    private static readonly Guid Story = Guid.NewGuid();
    private static readonly string[] VietnameseTag = ["vi"];
    private readonly Source first = StoredNews.Source("VnExpress", "vi", language: "vi");
    private readonly Source second = StoredNews.Source("TuoiTre", "vi", language: "vi");
    private readonly Source outside = StoredNews.Source("Wire", "en", language: "en");
    private FeedsHub hub = null!;
    private HttpClient http = null!;
    private StoredItem retold = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        hub = await FeedsHub.StartAsync(Cancellation);
        http = hub.Client();
        retold = Clustered(StoredNews.Item(second, "Cao tốc Bắc - Nam phải xong trước 31/12", Morning.AddMinutes(30), summary: "<p>Tuổi Trẻ kể lại.</p>"));
        await hub.SeedAsync(
            first, second, outside,
            new StoredStoryCluster { Id = Story, OriginalOutlet = "Wire", OriginalAt = Morning.AddHours(-1), CreatedAt = Morning },
            Clustered(StoredNews.Item(outside, "Expressway deadline set", Morning.AddHours(-1), summary: "<p>Outside this feed.</p>")),
            Clustered(StoredNews.Item(first, "Thủ tướng yêu cầu hoàn thành cao tốc Bắc - Nam", Morning, summary: "<p>VnExpress đưa tin trước.</p>")),
            retold,
            StoredNews.Item(first, "Bão số 3 đổ bộ vào miền Trung", Morning.AddMinutes(10), summary: "<p>Tin riêng.</p>"));
        using var collapsed = await http.PostAsJsonAsync(new Uri("/api/feeds", UriKind.Relative), new { slug = "mot-tin", tags = VietnameseTag, collapseStories = true }, Cancellation);
        Assert.Equal(HttpStatusCode.Created, collapsed.StatusCode);
        using var plain = await http.PostAsJsonAsync(new Uri("/api/feeds", UriKind.Relative), new { slug = "moi-tin", tags = VietnameseTag }, Cancellation);
        Assert.Equal(HttpStatusCode.Created, plain.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await hub.DisposeAsync();
    }

    [Fact]
    public async Task A_story_told_twice_in_the_feed_is_one_entry_the_earliest_in_the_feed_linking_the_other_telling()
    {
        var feed = await FeedsHub.ReadAsync(await http.GetAsync(new Uri("/feeds/mot-tin.json", UriKind.Relative), Cancellation));

        var items = feed.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Bão số 3 đổ bộ vào miền Trung", "Thủ tướng yêu cầu hoàn thành cao tốc Bắc - Nam"], items.Select(i => i.GetProperty("title").GetString()));
        var content = items[1].GetProperty("content_html").GetString();
        Assert.Contains($"Cùng đưa tin: <a href=\"{retold.Link}\">TuoiTre</a>", content, StringComparison.Ordinal);
        Assert.DoesNotContain("Wire", content, StringComparison.Ordinal);
        Assert.DoesNotContain("Cùng đưa tin", items[0].GetProperty("content_html").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feed_that_does_not_collapse_keeps_every_telling_and_the_page_links_the_retelling()
    {
        var feed = await FeedsHub.ReadAsync(await http.GetAsync(new Uri("/feeds/moi-tin.json", UriKind.Relative), Cancellation));
        Assert.Equal(3, feed.GetProperty("items").GetArrayLength());

        var page = await http.GetStringAsync(new Uri("/feeds/mot-tin", UriKind.Relative), Cancellation);
        Assert.Contains($"<a href=\"{retold.Link}\">TuoiTre</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_definition_shows_that_it_collapses_stories()
    {
        var definition = await FeedsHub.ReadAsync(await http.GetAsync(new Uri("/api/feeds/mot-tin", UriKind.Relative), Cancellation));
        Assert.True(definition.GetProperty("collapseStories").GetBoolean());
    }

    private static StoredItem Clustered(StoredItem item)
    {
        item.ClusterId = Story;
        return item;
    }
}
