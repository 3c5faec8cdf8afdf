using FeedHub.Sources;
using FeedHub.Storage;
using Microsoft.EntityFrameworkCore;

namespace FeedHub.Feeds;

/// <summary>Finds merged feed definitions by slug; <c>all</c> always exists, even with none stored.</summary>
internal static class MergedFeedDefinitions
{
    public const string AllSlug = "all";

    public static MergedFeedDefinition All() => new()
    {
        Slug = AllSlug,
        Title = "FeedHub: all sources",
        Description = "The newest items from every source",
        Origin = SourceOrigin.Configuration,
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    public static async Task<MergedFeedDefinition?> FindAsync(FeedHubDbContext db, string slug, CancellationToken cancellationToken) =>
        await db.MergedFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.Slug == slug, cancellationToken).ConfigureAwait(false)
        ?? (string.Equals(slug, AllSlug, StringComparison.Ordinal) ? All() : null);
}
