using FeedHub.Feeds;
using FeedHub.Publishing;
using FeedHub.Sources;
using Microsoft.EntityFrameworkCore;

namespace FeedHub.Storage;

/// <summary>
/// The one model of FeedHub's data. Each provider derives its own context type so that each keeps its
/// own migration set in this assembly (see SqliteFeedHubDbContext).
/// </summary>
internal abstract class FeedHubDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<StoredItem> Items => Set<StoredItem>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<MergedFeedDefinition> MergedFeeds => Set<MergedFeedDefinition>();
    public DbSet<Fetching.Politeness.HostTurn> HostTurns => Set<Fetching.Politeness.HostTurn>();
    public DbSet<Fetching.Politeness.HostLease> HostLeases => Set<Fetching.Politeness.HostLease>();
    public DbSet<Clustering.StoredStoryCluster> StoryClusters => Set<Clustering.StoredStoryCluster>();
    public DbSet<Clustering.StoryKey> StoryKeys => Set<Clustering.StoryKey>();
    public DbSet<Push.WebSubSubscription> WebSubSubscriptions => Set<Push.WebSubSubscription>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FeedHubDbContext).Assembly);
}
