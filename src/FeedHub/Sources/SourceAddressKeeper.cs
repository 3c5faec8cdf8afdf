using FeedHub.Fetching;
using FeedHub.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedHub.Sources;

/// <summary>
/// Moves a source to its feed's new address once a permanent redirect (301, 308) has been seen on enough
/// polls in a row; a temporary redirect, or one permanent answer among others, leaves the URL alone.
/// </summary>
internal sealed partial class SourceAddressKeeper(FeedHubDbContext db, IOptions<FetchingOptions> options, ILogger<SourceAddressKeeper> logger)
{
    public async Task NoteAsync(Source source, Uri? movedTo, CancellationToken cancellationToken)
    {
        if (movedTo is null || ColumnLimits.DropIfLonger(movedTo.AbsoluteUri, ColumnLimits.Url) is not { } target)
        {
            source.MovedTo = null;
            source.MovedToSeen = 0;
            return;
        }

        source.MovedToSeen = string.Equals(source.MovedTo, target, StringComparison.Ordinal) ? source.MovedToSeen + 1 : 1;
        source.MovedTo = target;
        if (source.MovedToSeen < options.Value.PermanentRedirectsToMove)
        {
            return;
        }

        // Configuration names the URL a source is known by; moving it there would make the next start see a new source.
        if (source.Origin == SourceOrigin.Configuration)
        {
            LogUpdateConfiguration(logger, source.Name, source.Url, target);
            return;
        }

        var hash = SourceUrl.HashOf(target);
        if (await db.Sources.AnyAsync(s => s.UrlHash == hash && s.Id != source.Id, cancellationToken).ConfigureAwait(false))
        {
            LogTargetTaken(logger, source.Name, source.Url, target);
            return;
        }

        LogMoved(logger, source.Name, source.Url, target, source.MovedToSeen);
        source.Url = target;
        source.MovedTo = null;
        source.MovedToSeen = 0;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Source {SourceName} moved from {OldUrl} to {NewUrl} after {Seen} permanent redirects in a row")]
    private static partial void LogMoved(ILogger logger, string sourceName, string oldUrl, string newUrl, int seen);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {SourceName} at {OldUrl} has moved permanently to {NewUrl}; it is declared in configuration, so update the URL there")]
    private static partial void LogUpdateConfiguration(ILogger logger, string sourceName, string oldUrl, string newUrl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {SourceName} at {OldUrl} has moved permanently to {NewUrl}, which another source already polls; left as it is")]
    private static partial void LogTargetTaken(ILogger logger, string sourceName, string oldUrl, string newUrl);
}
