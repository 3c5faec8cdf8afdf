using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FeedHub.Storage;

internal sealed class SqliteFeedHubDbContext(DbContextOptions<SqliteFeedHubDbContext> options) : FeedHubDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite stores DateTimeOffset as text it cannot order or compare; every time FeedHub stores is
        // UTC, so the binary form (ticks with a zero offset) orders correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
