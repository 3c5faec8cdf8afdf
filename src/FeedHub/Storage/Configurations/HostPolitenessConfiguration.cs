using FeedHub.Fetching.Politeness;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedHub.Storage.Configurations;

internal sealed class HostTurnConfiguration : IEntityTypeConfiguration<HostTurn>
{
    public void Configure(EntityTypeBuilder<HostTurn> turn)
    {
        turn.ToTable("HostTurns");
        turn.HasKey(t => t.Host);
        turn.Property(t => t.Host).HasMaxLength(ColumnLimits.Host);
    }
}

internal sealed class HostLeaseConfiguration : IEntityTypeConfiguration<HostLease>
{
    public void Configure(EntityTypeBuilder<HostLease> lease)
    {
        lease.ToTable("HostLeases");
        lease.HasKey(l => new { l.Host, l.Slot });
        lease.Property(l => l.Host).HasMaxLength(ColumnLimits.Host);
        lease.Property(l => l.Holder).HasMaxLength(100);
    }
}
