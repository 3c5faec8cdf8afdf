using Microsoft.EntityFrameworkCore;

namespace FeedHub.Storage;

/// <summary>PostgreSQL keeps times as timestamptz; FeedHub only ever writes UTC, which is all Npgsql accepts.</summary>
internal sealed class PostgreSqlFeedHubDbContext(DbContextOptions<PostgreSqlFeedHubDbContext> options) : FeedHubDbContext(options);
