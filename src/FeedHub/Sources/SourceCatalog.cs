using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedHub.Sources;

/// <summary>Keeps the sources declared in configuration and the stored ones in step.</summary>
internal sealed partial class SourceCatalog(
    FeedHub.Storage.FeedHubDbContext db,
    IOptionsMonitor<SourcesOptions> options,
    TimeProvider time,
    ILogger<SourceCatalog> logger)
{
    /// <summary>
    /// Adds and updates configured sources; one that left the configuration is disabled rather than
    /// deleted, so its items stay.
    /// </summary>
    public async Task SyncConfiguredAsync(CancellationToken cancellationToken)
    {
        // Workers started together sync the same sources: when another node inserts first, the unique
        // keys reject our insert. Backing off a random, growing while lets that node commit, after
        // which a fresh look finds its rows and only updates them.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SyncOnceAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                db.ChangeTracker.Clear();
                await Task.Delay(BackOff(attempt), time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private const int MaxAttempts = 8;

#pragma warning disable CA5394 // Jitter only needs to put nodes out of step, not to be unpredictable.
    private static TimeSpan BackOff(int attempt) => TimeSpan.FromMilliseconds(Random.Shared.Next(50, 100 << attempt));
#pragma warning restore CA5394

    private async Task SyncOnceAsync(CancellationToken cancellationToken)
    {
        var declared = options.CurrentValue.Sources
            .Select(d => (Definition: d, Url: SourceUrl.TryParse(d.Url, out var url) ? url : throw new InvalidOperationException($"Invalid source URL '{d.Url}'.")))
            .ToDictionary(d => SourceUrl.IdFor(d.Url), d => d);
        var stored = await db.Sources.ToDictionaryAsync(s => s.Id, cancellationToken).ConfigureAwait(false);
        var storedByUrl = stored.Values.ToDictionary(s => s.UrlHash, StringComparer.Ordinal);

        foreach (var (id, (definition, url)) in declared)
        {
            // A URL an operator added by API before it was declared is the same source: configuration takes it over.
            if (!stored.TryGetValue(id, out var source) && !storedByUrl.TryGetValue(SourceUrl.HashOf(url.AbsoluteUri), out source))
            {
                source = new Source { Id = id, Name = definition.NameFor(url), Url = url.AbsoluteUri, CreatedAt = time.GetUtcNow() };
                db.Sources.Add(source);
            }

            source.Name = definition.NameFor(url);

            // A feed its server declared gone stays off across restarts; the operator's API word turns it back on.
            var goneReason = source.Enabled ? null : source.DisabledReason;
            definition.ApplyTo(source);
            if (goneReason is not null)
            {
                source.Enabled = false;
                source.DisabledReason = goneReason;
            }

            source.ArchivedAt = null;
            source.Origin = SourceOrigin.Configuration;
        }

        foreach (var source in stored.Values.Where(s => s.Origin == SourceOrigin.Configuration && s.Enabled && !declared.Values.Any(d => SourceUrl.HashOf(d.Url.AbsoluteUri) == s.UrlHash)))
        {
            source.Enabled = false;
            LogDisabled(logger, source.Name, source.Url);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        LogSynced(logger, declared.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} source(s) declared in configuration")]
    private static partial void LogSynced(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Source {SourceName} ({Url}) is no longer in configuration; disabled, its items are kept")]
    private static partial void LogDisabled(ILogger logger, string sourceName, string url);
}
