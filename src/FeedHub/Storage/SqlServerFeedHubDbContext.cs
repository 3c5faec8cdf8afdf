using Microsoft.EntityFrameworkCore;

namespace FeedHub.Storage;

internal sealed class SqlServerFeedHubDbContext(DbContextOptions<SqlServerFeedHubDbContext> options) : FeedHubDbContext(options);
