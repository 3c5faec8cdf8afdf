using FeedHub.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedHub.Storage.Configurations;

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> source)
    {
        source.ToTable("Sources");
        source.HasKey(s => s.Id);
        source.Property(s => s.Id).ValueGeneratedNever();
        source.Property(s => s.Name).HasMaxLength(ColumnLimits.SourceName);
        source.Property(s => s.Url).HasMaxLength(ColumnLimits.Url);
        source.Property(s => s.UrlHash).HasMaxLength(64).IsUnicode(false);
        source.HasIndex(s => s.UrlHash).IsUnique();
        source.Property(s => s.Language).HasMaxLength(ColumnLimits.Language);
        source.Property(s => s.FeedLanguage).HasMaxLength(ColumnLimits.Language);
        source.Property(s => s.RequestHeaders).HasJsonConversion();
        source.Property(s => s.Username).HasMaxLength(200);
        source.Property(s => s.Password).HasMaxLength(500);
        source.Property(s => s.NextPollReason).HasMaxLength(ColumnLimits.NextPollReason);
        source.Ignore(s => s.EffectiveLanguage);
        source.Ignore(s => s.IsArchived);
        source.Property(s => s.Tags).HasJsonConversion();
        source.Property(s => s.Cron).HasMaxLength(200);
        source.Property(s => s.TimeZone).HasMaxLength(100);
        source.Property(s => s.Origin).HasConversion<string>().HasMaxLength(20);
        source.Property(s => s.SiteLink).HasMaxLength(ColumnLimits.Url);
        source.Property(s => s.FeedTitle).HasMaxLength(ColumnLimits.FeedTitle);
        source.Property(s => s.ETag).HasMaxLength(ColumnLimits.ETag);
        source.Property(s => s.LastModified).HasMaxLength(ColumnLimits.LastModified);
        source.Ignore(s => s.Validators);
        source.Property(s => s.DisabledReason).HasMaxLength(ColumnLimits.Error);
        source.Property(s => s.MovedTo).HasMaxLength(ColumnLimits.Url);
        source.Property(s => s.PollHints).HasJsonConversion().HasMaxLength(1000);
        source.Property(s => s.Extraction).HasJsonObjectConversion().HasMaxLength(4000);
        source.Property(s => s.Listing).HasJsonObjectConversion().HasMaxLength(4000);
        source.Ignore(s => s.Kind);
        source.OwnsOne(s => s.Health, health =>
        {
            health.Property(h => h.LastFailureKind).HasMaxLength(50);
            health.Property(h => h.LastError).HasMaxLength(ColumnLimits.Error);
            health.Ignore(h => h.IsHealthy);
        });
        source.Navigation(s => s.Health).IsRequired();
    }
}
