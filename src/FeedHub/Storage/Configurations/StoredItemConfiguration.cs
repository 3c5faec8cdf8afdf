using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedHub.Storage.Configurations;

internal sealed class StoredItemConfiguration : IEntityTypeConfiguration<StoredItem>
{
    public void Configure(EntityTypeBuilder<StoredItem> item)
    {
        item.ToTable("Items");
        item.HasKey(i => i.Id);
        item.Property(i => i.Id).ValueGeneratedNever();
        item.Property(i => i.Key).HasMaxLength(64);

        // The last word on "never stored twice": two pollers racing on one source cannot both insert.
        item.HasIndex(i => new { i.SourceId, i.Key }).IsUnique();
        item.HasIndex(i => i.SortAt);
        item.HasIndex(i => new { i.SourceId, i.SortAt });
        item.HasIndex(i => i.ClusterId);

        item.Property(i => i.FeedGuid).HasMaxLength(ColumnLimits.Url);
        item.Property(i => i.Link).HasMaxLength(ColumnLimits.Url);
        item.Property(i => i.Title).HasMaxLength(ColumnLimits.Title);
        item.Property(i => i.Authors).HasJsonConversion();
        item.Property(i => i.Categories).HasJsonConversion();
        item.Property(i => i.Enclosures).HasJsonConversion();
        item.Property(i => i.ContentHash).HasMaxLength(64);
        item.HasOne<Sources.Source>().WithMany().HasForeignKey(i => i.SourceId).OnDelete(DeleteBehavior.Cascade);
    }
}
