using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace FeedHub.Feeds;

/// <summary>
/// Renders each page of each merged feed once per change, not once per reader, and keeps the
/// definitions it renders from, so a reader whose copy is current costs neither a query nor a render.
/// Both are dropped by <see cref="Invalidate"/>: called when the bus announces new or changed items
/// (every api process has its own queue for that) and when this process edits a definition. A
/// definition edited through another api process is seen within <see cref="DefinitionRecheck"/>, the
/// age after which a definition is read again; a rendering is rebuilt when its definition's
/// <see cref="MergedFeedDefinition.UpdatedAt"/> moves. Concurrent readers of a stale entry share a
/// single read or rebuild.
/// </summary>
internal sealed class MergedFeedCache(IMergedFeedSource feeds, TimeProvider? time = null)
{
    public static readonly TimeSpan DefinitionRecheck = TimeSpan.FromSeconds(1);
    private const int MaxEntries = 1024;
    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<CacheKey, Entry> entries = [];
    private readonly ConcurrentDictionary<string, DefinitionEntry> definitions = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private long version;

    public void Invalidate() => Interlocked.Increment(ref version);

    /// <summary>The feed named by the slug (null when there is none), read again once it is <see cref="DefinitionRecheck"/> old.</summary>
    public Task<MergedFeedDefinition?> FindDefinitionAsync(string slug, CancellationToken cancellationToken)
    {
        // Readers of a fresh entry take no lock: only a rebuild is serialized.
        var now = clock.GetTimestamp();
        if (definitions.TryGetValue(slug, out var fresh) && fresh.IsFresh(Interlocked.Read(ref version), clock.GetElapsedTime(fresh.ReadAt, now)))
        {
            return fresh.Lookup.WaitAsync(cancellationToken);
        }

        Task<MergedFeedDefinition?> lookup;
        lock (gate)
        {
            var current = Interlocked.Read(ref version);
            if (!definitions.TryGetValue(slug, out var entry) || !entry.IsFresh(current, clock.GetElapsedTime(entry.ReadAt, now)))
            {
                if (definitions.Count >= MaxEntries)
                {
                    definitions.Clear();
                }

                // Shared by every waiting reader, so it must not stop when the first reader goes away;
                // started outside the lock, which must never wait for the database.
                entry = new DefinitionEntry(current, now, Task.Run(() => feeds.FindDefinitionAsync(slug, CancellationToken.None), CancellationToken.None));
                definitions[slug] = entry;
            }

            lookup = entry.Lookup;
        }

        return lookup.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// The rendering of a public feed's newest page when it and its definition are current and complete: what
    /// <see cref="FindDefinitionAsync"/> and <see cref="GetAsync"/> would answer at once. Never reads, renders or waits.
    /// </summary>
    public bool TryGetCurrent(string slug, FeedOutput output, string root, [NotNullWhen(true)] out RenderedFeed? feed)
    {
        feed = null;
        var current = Interlocked.Read(ref version);
        if (!definitions.TryGetValue(slug, out var known) || !known.IsFresh(current, clock.GetElapsedTime(known.ReadAt))
            || !known.Lookup.IsCompletedSuccessfully || known.Lookup.Result is not { Private: false } definition)
        {
            return false;
        }

        if (!entries.TryGetValue(new CacheKey(output, slug, null, root), out var entry) || !entry.IsFresh(current, definition)
            || !entry.Render.IsCompletedSuccessfully)
        {
            return false;
        }

        feed = entry.Render.Result;
        return true;
    }

    /// <param name="root">The service's base URL as the reader addressed it, ending in '/': the rendering's links are absolute.</param>
    public Task<RenderedFeed> GetAsync(MergedFeedDefinition definition, FeedOutput output, string root, ItemCursor? before, CancellationToken cancellationToken)
    {
        var key = new CacheKey(output, definition.Slug, before, root);
        if (entries.TryGetValue(key, out var fresh) && fresh.IsFresh(Interlocked.Read(ref version), definition))
        {
            return fresh.Render.WaitAsync(cancellationToken);
        }

        Task<RenderedFeed> render;
        lock (gate)
        {
            var current = Interlocked.Read(ref version);
            if (!entries.TryGetValue(key, out var entry) || !entry.IsFresh(current, definition))
            {
                if (entries.Count >= MaxEntries)
                {
                    entries.Clear();
                }

                var address = new FeedAddress(new Uri(root), definition.Slug, definition.Private ? definition.Token : null, before);
                entry = new Entry(current, definition.UpdatedAt, definition.Token, Task.Run(() => RenderAsync(definition, output, address), CancellationToken.None));
                entries[key] = entry;
            }

            render = entry.Render;
        }

        return render.WaitAsync(cancellationToken);
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

    private readonly record struct CacheKey(FeedOutput Output, string Slug, ItemCursor? Before, string Root);

    private sealed record Entry(long Version, DateTimeOffset DefinitionUpdatedAt, string? Token, Task<RenderedFeed> Render)
    {
        /// <summary>The token is in a private feed's links, so a rendering with another token is not this feed's.</summary>
        public bool IsFresh(long currentVersion, MergedFeedDefinition definition) =>
            Version == currentVersion && DefinitionUpdatedAt == definition.UpdatedAt
            && string.Equals(Token, definition.Token, StringComparison.Ordinal)
            && !Render.IsFaulted && !Render.IsCanceled;
    }

    private sealed record DefinitionEntry(long Version, long ReadAt, Task<MergedFeedDefinition?> Lookup)
    {
        public bool IsFresh(long currentVersion, TimeSpan age) =>
            Version == currentVersion && age < DefinitionRecheck && !Lookup.IsFaulted && !Lookup.IsCanceled;
    }
}
