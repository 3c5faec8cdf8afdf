using FeedHub.Clustering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedHub.Storage.Configurations;

internal sealed class StoredStoryClusterConfiguration : IEntityTypeConfiguration<StoredStoryCluster>
{
    public void Configure(EntityTypeBuilder<StoredStoryCluster> cluster)
    {
        cluster.ToTable("StoryClusters");
        cluster.HasKey(c => c.Id);
        cluster.Property(c => c.Id).ValueGeneratedNever();
        cluster.Property(c => c.OriginalOutlet).HasMaxLength(ColumnLimits.Outlet);
    }
}

internal sealed class StoryKeyConfiguration : IEntityTypeConfiguration<StoryKey>
{
    public void Configure(EntityTypeBuilder<StoryKey> key)
    {
        key.ToTable("StoryKeys");
        key.HasKey(k => new { k.Key, k.ItemId });

        // Lookups go by key within a time range; pruning goes by time alone.
        key.HasIndex(k => new { k.Key, k.SortAt });
        key.HasIndex(k => k.SortAt);
        key.HasIndex(k => k.ItemId);
        key.HasOne<StoredItem>().WithMany().HasForeignKey(k => k.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
