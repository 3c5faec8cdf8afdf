using System.Security.Cryptography;

namespace FeedHub.Feeds;

/// <summary>
/// Renders each merged feed once per change, not once per reader: an entry is rebuilt only after
/// <see cref="Invalidate"/> (called when the bus announces new or changed items), and concurrent
/// readers of a stale entry share a single rebuild.
/// </summary>
internal sealed class MergedFeedCache(IMergedFeedSource feeds)
{
    private const int MaxEntries = 1024;
    private readonly Dictionary<CacheKey, Entry> entries = [];
    private readonly Lock gate = new();
    private long version;

    public void Invalidate() => Interlocked.Increment(ref version);

    /// <returns>The rendered feed, or null when no feed has that slug.</returns>
    public async Task<RenderedFeed?> GetAsync(string slug, FeedOutput output, Uri selfUrl, CancellationToken cancellationToken)
    {
        var key = new CacheKey(slug, output, selfUrl.AbsoluteUri);
        Task<RenderedFeed?> render;
        lock (gate)
        {
            var current = Interlocked.Read(ref version);
            if (!entries.TryGetValue(key, out var entry) || entry.Version != current || entry.Render.IsFaulted || entry.Render.IsCanceled)
            {
                if (entries.Count >= MaxEntries)
                {
                    entries.Clear();
                }

                // Shared by every waiting reader, so it must not stop when the first reader goes away.
                entry = new Entry(current, RenderAsync(slug, output, selfUrl));
                entries[key] = entry;
            }

            render = entry.Render;
        }

        var rendered = await render.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (rendered is null)
        {
            lock (gate)
            {
                entries.Remove(key);
            }
        }

        return rendered;
    }

    private async Task<RenderedFeed?> RenderAsync(string slug, FeedOutput output, Uri selfUrl)
    {
        var feed = await feeds.FindAsync(slug, CancellationToken.None).ConfigureAwait(false);
        if (feed is null)
        {
            return null;
        }

        var body = output switch
        {
            FeedOutput.Rss => RssWriter.Write(feed, selfUrl),
            FeedOutput.Atom => AtomWriter.Write(feed, selfUrl),
            _ => JsonFeedWriter.Write(feed, selfUrl),
        };
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"";
        return new RenderedFeed(body, output.ContentType(), etag, feed.UpdatedAt);
    }

    private readonly record struct CacheKey(string Slug, FeedOutput Output, string SelfUrl);

    private sealed record Entry(long Version, Task<RenderedFeed?> Render);
}
