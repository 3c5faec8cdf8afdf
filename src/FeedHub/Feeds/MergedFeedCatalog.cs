using System.Text.Json;
using FeedHub.Sources;
using FeedHub.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedHub.Feeds;

/// <summary>Keeps the merged feeds declared in configuration and the stored ones in step.</summary>
internal sealed partial class MergedFeedCatalog(
    FeedHubDbContext db,
    IOptionsMonitor<FeedsOptions> options,
    MergedFeedCache cache,
    TimeProvider time,
    ILogger<MergedFeedCatalog> logger)
{
    private const int MaxAttempts = 8;

    /// <summary>
    /// Adds and updates declared feeds, taking over an API feed of the same slug; a feed that left the
    /// configuration is deleted (a definition holds no items, and <c>all</c> falls back to its built-in form).
    /// </summary>
    public async Task SyncConfiguredAsync(CancellationToken cancellationToken)
    {
        // Nodes started together insert the same slugs: the loser backs off, then finds the rows and updates them.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SyncOnceAsync(cancellationToken).ConfigureAwait(false);
                cache.Invalidate();
                return;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                db.ChangeTracker.Clear();
                await Task.Delay(BackOff(attempt), time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

#pragma warning disable CA5394 // Jitter only needs to put nodes out of step, not to be unpredictable.
    private static TimeSpan BackOff(int attempt) => TimeSpan.FromMilliseconds(Random.Shared.Next(50, 100 << attempt));
#pragma warning restore CA5394

    private async Task SyncOnceAsync(CancellationToken cancellationToken)
    {
        var declared = options.CurrentValue.Feeds.ToDictionary(f => f.Slug!, StringComparer.Ordinal);
        var stored = await db.MergedFeeds.ToDictionaryAsync(f => f.Slug, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        foreach (var (slug, declaration) in declared)
        {
            if (!stored.TryGetValue(slug, out var definition))
            {
                definition = new MergedFeedDefinition { Slug = slug, Title = slug, CreatedAt = now, Origin = SourceOrigin.Configuration };
                db.MergedFeeds.Add(definition);
            }

            // Only a real change moves UpdatedAt, so a restart does not change every feed's Last-Modified.
            var before = StateOf(definition);
            declaration.ApplyTo(definition);
            definition.Origin = SourceOrigin.Configuration;
            if (StateOf(definition) != before)
            {
                definition.UpdatedAt = now;
            }
        }

        foreach (var gone in stored.Values.Where(f => f.Origin == SourceOrigin.Configuration && !declared.ContainsKey(f.Slug)))
        {
            db.MergedFeeds.Remove(gone);
            LogRemoved(logger, gone.Slug);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        LogSynced(logger, declared.Count);
    }

    private static string StateOf(MergedFeedDefinition f) =>
        JsonSerializer.Serialize(new { f.Title, f.Description, f.Tags, f.SourceIds, f.Include, f.Exclude, f.Categories, f.Language, f.Limit, f.CollapseStories, f.Private, f.Token, f.Origin });

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} merged feed(s) declared in configuration")]
    private static partial void LogSynced(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Merged feed {Slug} is no longer in configuration; removed")]
    private static partial void LogRemoved(ILogger logger, string slug);
}
