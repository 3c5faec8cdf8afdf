using FeedHub.Sources;
using FeedHub.Storage;
using Microsoft.EntityFrameworkCore;

namespace FeedHub.Feeds;

/// <summary>Adds, changes and removes merged feeds for operators, with the same rules as configuration.</summary>
internal sealed class MergedFeedEditor(FeedHubDbContext db, MergedFeedCache cache, TimeProvider time)
{
    public async Task<MergedFeedEdit> AddAsync(MergedFeedDeclaration declaration, CancellationToken cancellationToken)
    {
        if (await ValidateAsync(declaration, cancellationToken).ConfigureAwait(false) is { } invalid)
        {
            return invalid;
        }

        var slug = declaration.Slug!;
        if (slug == MergedFeedDefinitions.AllSlug || await db.MergedFeeds.AnyAsync(f => f.Slug == slug, cancellationToken).ConfigureAwait(false))
        {
            return new MergedFeedEdit.Duplicate(slug);
        }

        var now = time.GetUtcNow();
        var feed = new MergedFeedDefinition { Slug = slug, Title = slug, Origin = SourceOrigin.Api, CreatedAt = now, UpdatedAt = now };
        declaration.ApplyTo(feed);
        db.MergedFeeds.Add(feed);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another request may have added the same slug between our check and our insert; the key had the final say.
            db.ChangeTracker.Clear();
            if (await db.MergedFeeds.AnyAsync(f => f.Slug == slug, cancellationToken).ConfigureAwait(false))
            {
                return new MergedFeedEdit.Duplicate(slug);
            }

            throw;
        }

        return new MergedFeedEdit.Done(feed);
    }

    public async Task<MergedFeedEdit> ReplaceAsync(string slug, MergedFeedDeclaration declaration, CancellationToken cancellationToken)
    {
        var found = await FindEditableAsync(slug, cancellationToken).ConfigureAwait(false);
        if (found is not MergedFeedEdit.Done { Feed: var feed })
        {
            return found;
        }

        declaration.Slug ??= slug;
        if (!string.Equals(declaration.Slug, slug, StringComparison.Ordinal))
        {
            return new MergedFeedEdit.Invalid([("slug", $"cannot be changed (the URL names '{slug}'); create a feed with the new slug and delete this one.")]);
        }

        if (await ValidateAsync(declaration, cancellationToken).ConfigureAwait(false) is { } invalid)
        {
            return invalid;
        }

        declaration.ApplyTo(feed);
        Touch(feed);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        cache.Invalidate();
        return found;
    }

    public async Task<MergedFeedEdit> RemoveAsync(string slug, CancellationToken cancellationToken)
    {
        var found = await FindEditableAsync(slug, cancellationToken).ConfigureAwait(false);
        if (found is MergedFeedEdit.Done { Feed: var feed })
        {
            db.MergedFeeds.Remove(feed);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            cache.Invalidate();
        }

        return found;
    }

    /// <summary>Done with the tracked feed when an operator may change it; otherwise why not.</summary>
    private async Task<MergedFeedEdit> FindEditableAsync(string slug, CancellationToken cancellationToken)
    {
        var feed = await db.MergedFeeds.FirstOrDefaultAsync(f => f.Slug == slug, cancellationToken).ConfigureAwait(false);
        return feed switch
        {
            null when slug == MergedFeedDefinitions.AllSlug => new MergedFeedEdit.DeclaredInConfiguration(slug),
            null => new MergedFeedEdit.NotFound(),
            { Origin: SourceOrigin.Configuration } => new MergedFeedEdit.DeclaredInConfiguration(slug),
            _ => new MergedFeedEdit.Done(feed),
        };
    }

    private async Task<MergedFeedEdit.Invalid?> ValidateAsync(MergedFeedDeclaration declaration, CancellationToken cancellationToken)
    {
        var errors = MergedFeedDeclarationValidator.Validate(declaration).ToList();
        if (declaration.SourceIds is { Count: > 0 } ids)
        {
            var known = await db.Sources.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            errors.AddRange(ids.Except(known).Select(id => ("sourceIds", $"names {id}, which is not a source; see GET /api/sources.")));
        }

        return errors.Count == 0 ? null : new MergedFeedEdit.Invalid(errors);
    }

    /// <summary>
    /// Moves UpdatedAt forward even for two edits within one clock tick, so caches always see the
    /// change; by a millisecond, which every provider's timestamp keeps (PostgreSQL drops sub-microsecond ticks).
    /// </summary>
    private void Touch(MergedFeedDefinition feed)
    {
        var now = time.GetUtcNow();
        feed.UpdatedAt = now > feed.UpdatedAt ? now : feed.UpdatedAt.AddMilliseconds(1);
    }
}
