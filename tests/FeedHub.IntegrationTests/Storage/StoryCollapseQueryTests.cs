using FeedHub.Clustering;
using FeedHub.Feeds;
using FeedHub.Sources;
using FeedHub.Storage;

namespace FeedHub.IntegrationTests.Storage;

/// <summary>A feed collapsing stories keeps each story's earliest telling in its own selection, on every database.</summary>
public sealed class StoryCollapseQueryTests
{
    private static readonly DateTimeOffset Noon = new(2026, 1, 19, 5, 0, 0, TimeSpan.Zero);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_the_earliest_telling_in_the_selection_is_shown_and_the_others_are_its_retellings(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var story = Guid.NewGuid();
        await using (var seed = database.Open())
        {
            var vi = AddSource(seed, "Báo A", "vi");
            var other = AddSource(seed, "Báo B", "vi");
            var outside = AddSource(seed, "Wire", "en");
            seed.StoryClusters.Add(new StoredStoryCluster { Id = story, OriginalOutlet = "Wire", OriginalAt = Noon.AddHours(-2), CreatedAt = Noon });
            AddItem(seed, outside, "Outside the feed, earliest", Noon.AddHours(-2), story);
            AddItem(seed, vi, "Telling in the feed, earliest", Noon.AddHours(-1), story);
            AddItem(seed, other, "Later telling", Noon, story);
            AddItem(seed, other, "A story of its own", Noon.AddMinutes(-30), null);
            await seed.SaveChangesAsync(Cancellation);
        }

        await using var db = database.Open();
        var selection = await MergedFeedSelection.ResolveAsync(new MergedFeedDefinition { Slug = "vi", Title = "vi", Tags = ["vi"], CollapseStories = true }, db, Cancellation);
        var query = StoryCollapse.FirstTellings(await selection.ApplyAsync(db.Items, Cancellation), await selection.ApplyAsync(db.Items, Cancellation));
        var page = await ItemPager.ReadAsync(query, null, 10, selection.Matches, Cancellation);
        var retellings = await StoryCollapse.RetellingsAsync(db, await selection.ApplyAsync(db.Items, Cancellation), page.Items, Cancellation);

        Assert.Equal(["A story of its own", "Telling in the feed, earliest"], page.Items.Select(i => i.Title));
        var retelling = Assert.Single(retellings[story]);
        Assert.Equal("Báo B", retelling.Outlet);
        Assert.EndsWith("/later-telling.html", retelling.Link?.AbsoluteUri, StringComparison.Ordinal);
    }

    private static Source AddSource(FeedHubDbContext db, string name, string tag)
    {
        var source = new Source { Id = Guid.NewGuid(), Name = name, Url = $"https://{Guid.NewGuid():N}.example.test/rss", Tags = [tag], Enabled = false, CreatedAt = Noon };
        db.Sources.Add(source);
        return source;
    }

    private static void AddItem(FeedHubDbContext db, Source source, string title, DateTimeOffset at, Guid? cluster)
    {
        var item = new StoredItem
        {
            Id = Guid.NewGuid(),
            SourceId = source.Id,
            Key = Guid.NewGuid().ToString("N"),
            Title = title,
            Link = $"{source.Url.Replace("/rss", string.Empty, StringComparison.Ordinal)}/{title.ToLowerInvariant().Replace(", ", "-", StringComparison.Ordinal).Replace(' ', '-')}.html",
            ContentHash = "h",
            DiscoveredAt = at,
            PublishedAt = at,
            SortAt = at,
            ClusterId = cluster,
        };
        item.SearchText = ItemSearchText.Of(item);
        db.Items.Add(item);
    }
}
