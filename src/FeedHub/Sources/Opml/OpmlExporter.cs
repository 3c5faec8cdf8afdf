using FeedHub.Storage;
using Microsoft.EntityFrameworkCore;

namespace FeedHub.Sources.Opml;

/// <summary>The sources being polled, as an OPML file; archived sources are no longer subscriptions and are left out.</summary>
internal sealed class OpmlExporter(FeedHubDbContext db, TimeProvider time)
{
    public const string Title = "FeedHub sources";

    public async Task<byte[]> ExportAsync(CancellationToken cancellationToken)
    {
        var sources = await db.Sources.AsNoTracking().Where(s => s.ArchivedAt == null).ToListAsync(cancellationToken).ConfigureAwait(false);
        return OpmlWriter.Write(Title, sources, time.GetUtcNow());
    }
}
