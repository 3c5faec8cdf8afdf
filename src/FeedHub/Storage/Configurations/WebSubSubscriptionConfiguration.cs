using FeedHub.Push;
using FeedHub.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedHub.Storage.Configurations;

internal sealed class WebSubSubscriptionConfiguration : IEntityTypeConfiguration<WebSubSubscription>
{
    public void Configure(EntityTypeBuilder<WebSubSubscription> subscription)
    {
        subscription.ToTable("WebSubSubscriptions");
        subscription.HasKey(s => s.SourceId);
        subscription.HasOne<Source>().WithOne().HasForeignKey<WebSubSubscription>(s => s.SourceId).OnDelete(DeleteBehavior.Cascade);
        subscription.Property(s => s.Hub).HasMaxLength(ColumnLimits.Url);
        subscription.Property(s => s.Topic).HasMaxLength(ColumnLimits.Url);
        subscription.Property(s => s.Secret).HasMaxLength(100);
        subscription.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        subscription.Property(s => s.LastError).HasMaxLength(ColumnLimits.Error);
        subscription.HasIndex(s => s.LeaseUntil);
    }
}
