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
            return new SourceEdit.Duplicate(existing);
        }

        var source = new Source
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            Name = string.IsNullOrWhiteSpace(definition.Name) ? url.Host : definition.Name.Trim(),
            Url = url.AbsoluteUri,
            Origin = SourceOrigin.Api,
            CreatedAt = time.GetUtcNow(),
        };
        Apply(source, definition);
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

        source.Name = string.IsNullOrWhiteSpace(definition.Name) ? url.Host : definition.Name.Trim();
        Apply(source, definition);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        ScheduleNow();
        return new SourceEdit.Done(source);
    }

    private static SourceEdit.Invalid? Validate(SourceDefinition definition, out Uri url)
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

    private static void Apply(Source source, SourceDefinition definition)
    {
        source.Tags = [.. definition.Tags.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.Ordinal)];
        source.Interval = definition.Interval;
        source.Cron = string.IsNullOrWhiteSpace(definition.Cron) ? null : definition.Cron.Trim();
        source.TimeZone = string.IsNullOrWhiteSpace(definition.TimeZone) ? null : definition.TimeZone.Trim();
        source.Enabled = definition.Enabled;
    }

    private Task<Source?> FindByUrlAsync(Uri url, CancellationToken cancellationToken) =>
        db.Sources.FirstOrDefaultAsync(s => s.Url == url.AbsoluteUri, cancellationToken);

    /// <summary>On a worker the schedule follows at once; other nodes follow within their sync interval.</summary>
    private void ScheduleNow() => services.GetService<ScheduleSynchronizer>()?.Nudge();
}
