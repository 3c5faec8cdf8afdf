using Microsoft.EntityFrameworkCore;

namespace FeedHub.Storage;

/// <summary>PostgreSQL keeps times as timestamptz; FeedHub only ever writes UTC, which is all Npgsql accepts.</summary>
internal sealed class PostgreSqlFeedHubDbContext(DbContextOptions<PostgreSqlFeedHubDbContext> options) : FeedHubDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Serves PostgreSqlItemSearch: the query must use the very expression to_tsvector('simple', coalesce("SearchText", '')).
        modelBuilder.Entity<StoredItem>().HasIndex(i => i.SearchText)
            .HasMethod("GIN")
            .IsTsVectorExpressionIndex(PostgreSqlItemSearch.Configuration);
    }
}
