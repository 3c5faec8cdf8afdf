using System.Security.Cryptography;

namespace FeedHub.Feeds;

/// <summary>
/// Renders each page of each merged feed once per change, not once per reader: an entry is rebuilt
/// after <see cref="Invalidate"/> (called when the bus announces new or changed items) or when its
/// definition's <see cref="MergedFeedDefinition.UpdatedAt"/> moves (read fresh for every request, so
/// an edit made through another api process is seen too), and concurrent readers of a stale entry
/// share a single rebuild.
/// </summary>
internal sealed class MergedFeedCache(IMergedFeedSource feeds)
{
    private const int MaxEntries = 1024;
    private readonly Dictionary<CacheKey, Entry> entries = [];
    private readonly Lock gate = new();
    private long version;

    public void Invalidate() => Interlocked.Increment(ref version);

    public async Task<RenderedFeed> GetAsync(MergedFeedDefinition definition, FeedOutput output, FeedAddress address, CancellationToken cancellationToken)
    {
        // The self URL names slug, page cursor and token: every distinct rendering has its own entry.
        var key = new CacheKey(output, address.Self(output).AbsoluteUri);
        Task<RenderedFeed> render;
        lock (gate)
        {
            var current = Interlocked.Read(ref version);
            if (!entries.TryGetValue(key, out var entry) || !entry.IsFresh(current, definition) || entry.Render.IsFaulted || entry.Render.IsCanceled)
            {
                if (entries.Count >= MaxEntries)
                {
                    entries.Clear();
                }

                // Shared by every waiting reader, so it must not stop when the first reader goes away.
                entry = new Entry(current, definition.UpdatedAt, RenderAsync(definition, output, address));
                entries[key] = entry;
            }

            render = entry.Render;
        }

        return await render.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<RenderedFeed> RenderAsync(MergedFeedDefinition definition, FeedOutput output, FeedAddress address)
    {
        var feed = await feeds.ReadAsync(definition, address.Before, CancellationToken.None).ConfigureAwait(false);
        var body = output switch
        {
            FeedOutput.Rss => RssWriter.Write(feed, address),
            FeedOutput.Atom => AtomWriter.Write(feed, address),
            FeedOutput.Json => JsonFeedWriter.Write(feed, address),
            _ => HtmlFeedWriter.Write(feed, address),
        };
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"";
        return new RenderedFeed(body, output.ContentType(), etag, feed.UpdatedAt);
    }

    private readonly record struct CacheKey(FeedOutput Output, string SelfUrl);

    private sealed record Entry(long Version, DateTimeOffset DefinitionUpdatedAt, Task<RenderedFeed> Render)
    {
        public bool IsFresh(long currentVersion, MergedFeedDefinition definition) =>
            Version == currentVersion && DefinitionUpdatedAt == definition.UpdatedAt;
    }
}
