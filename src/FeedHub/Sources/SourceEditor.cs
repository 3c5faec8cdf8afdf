using FeedHub.Scheduling;
using FeedHub.Storage;
using Microsoft.EntityFrameworkCore;

namespace FeedHub.Sources;

/// <summary>Adds and changes sources for operators (API, admin page), with the same rules as configuration.</summary>
internal sealed class SourceEditor(FeedHubDbContext db, TimeProvider time, IServiceProvider services)
{
    public async Task<SourceEdit> AddAsync(SourceDefinition definition, CancellationToken cancellationToken)
    {
        if (Validate(definition, out var url) is { } invalid)
        {
            return invalid;
        }

        if (await FindByUrlAsync(url, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing.IsArchived
                ? await RestoreAsync(existing, definition, url, cancellationToken).ConfigureAwait(false)
                : new SourceEdit.Duplicate(existing);
        }

        var source = NewSource(definition, url, time.GetUtcNow());
        db.Sources.Add(source);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        ScheduleNow();
        return new SourceEdit.Done(source);
    }

    public async Task<SourceEdit> ReplaceAsync(Guid id, SourceDefinition definition, CancellationToken cancellationToken)
    {
        var source = await db.Sources.FirstOrDefaultAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            return new SourceEdit.NotFound();
        }

        if (source.Origin == SourceOrigin.Configuration)
        {
            return new SourceEdit.DeclaredInConfiguration(source);
        }

        if (Validate(definition, out var url) is { } invalid)
        {
            return invalid;
        }

        if (await FindByUrlAsync(url, cancellationToken).ConfigureAwait(false) is { } other && other.Id != id)
        {
            return new SourceEdit.Duplicate(other);
        }

        if (!string.Equals(source.Url, url.AbsoluteUri, StringComparison.Ordinal))
        {
            // A new URL is a new conversation with a server: old validators mean nothing there.
            source.Url = url.AbsoluteUri;
            source.ETag = null;
            source.LastModified = null;
        }

        source.Name = definition.NameFor(url);
        definition.ApplyTo(source);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        ScheduleNow();
        return new SourceEdit.Done(source);
    }

    /// <summary>
    /// Removes a source. Purged, it goes with all its items; kept, it is archived: no longer polled or
    /// listed, its items stay in feeds and searches, and adding its URL again brings it back.
    /// </summary>
    public async Task<SourceEdit> RemoveAsync(Guid id, bool purgeItems, CancellationToken cancellationToken)
    {
        var source = await db.Sources.FirstOrDefaultAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false);
        if (source is null || (source.IsArchived && !purgeItems))
        {
            return new SourceEdit.NotFound();
        }

        if (source.Origin == SourceOrigin.Configuration)
        {
            return new SourceEdit.DeclaredInConfiguration(source);
        }

        if (purgeItems)
        {
            // Items first and in bulk: the cascade would load them one by one into the change tracker.
            await db.Items.Where(i => i.SourceId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            db.Sources.Remove(source);
        }
        else
        {
            source.ArchivedAt = time.GetUtcNow();
            source.NextPollAt = null;
            source.NextPollReason = null;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        ScheduleNow();
        return new SourceEdit.Done(source);
    }

    /// <summary>A source an operator adds (by API or OPML import), from a definition <see cref="Validate"/> passed.</summary>
    internal static Source NewSource(SourceDefinition definition, Uri url, DateTimeOffset now)
    {
        var source = new Source
        {
            Id = Guid.CreateVersion7(now),
            Name = definition.NameFor(url),
            Url = url.AbsoluteUri,
            Origin = SourceOrigin.Api,
            CreatedAt = now,
        };
        definition.ApplyTo(source);
        return source;
    }

    /// <summary>Adding an archived source's URL again brings it back with the new settings.</summary>
    internal static void Restore(Source source, SourceDefinition definition, Uri url)
    {
        source.ArchivedAt = null;
        source.Name = definition.NameFor(url);
        definition.ApplyTo(source);
    }

    private async Task<SourceEdit> RestoreAsync(Source source, SourceDefinition definition, Uri url, CancellationToken cancellationToken)
    {
        Restore(source, definition, url);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        ScheduleNow();
        return new SourceEdit.Done(source);
    }

    internal static SourceEdit.Invalid? Validate(SourceDefinition definition, out Uri url)
    {
        var errors = SourceDefinitionValidator.Validate(definition);
        if (errors.Count > 0 || !SourceUrl.TryParse(definition.Url, out var parsed))
        {
            url = null!;
            return new SourceEdit.Invalid(errors);
        }

        url = parsed;
        return null;
    }

    private Task<Source?> FindByUrlAsync(Uri url, CancellationToken cancellationToken) =>
        db.Sources.FirstOrDefaultAsync(s => s.UrlHash == SourceUrl.HashOf(url.AbsoluteUri), cancellationToken);

    /// <summary>On a worker the schedule follows at once; other nodes follow within their sync interval.</summary>
    private void ScheduleNow() => ScheduleNow(services);

    internal static void ScheduleNow(IServiceProvider services) => services.GetService<ScheduleSynchronizer>()?.Nudge();
}
