using FeedHub.Feeds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedHub.Storage.Configurations;

internal sealed class MergedFeedDefinitionConfiguration : IEntityTypeConfiguration<MergedFeedDefinition>
{
    public void Configure(EntityTypeBuilder<MergedFeedDefinition> feed)
    {
        feed.ToTable("MergedFeeds");
        feed.HasKey(f => f.Slug);
        feed.Property(f => f.Slug).HasMaxLength(ColumnLimits.Slug).IsUnicode(false);
        feed.Property(f => f.Title).HasMaxLength(ColumnLimits.FeedTitle);
        feed.Property(f => f.Description).HasMaxLength(ColumnLimits.Error);
        feed.Property(f => f.Tags).HasJsonConversion();
        feed.Property(f => f.SourceIds).HasJsonConversion();
        feed.Property(f => f.Include).HasJsonConversion();
        feed.Property(f => f.Exclude).HasJsonConversion();
        feed.Property(f => f.Categories).HasJsonConversion();
        feed.Property(f => f.Language).HasMaxLength(ColumnLimits.Language);
        feed.Property(f => f.Token).HasMaxLength(200);
        feed.Property(f => f.Origin).HasConversion<string>().HasMaxLength(20);
    }
}
