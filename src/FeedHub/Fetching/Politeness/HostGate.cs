using System.Collections.Concurrent;
using System.Data.Common;
using FeedHub.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedHub.Fetching.Politeness;

/// <summary>
/// Keeps every worker process polite to each host together: at most <see cref="FetchingOptions.MaxConcurrentPerHost"/>
/// requests at once and <see cref="FetchingOptions.MinDelayPerHost"/> between the starts of two requests, counted
/// across all workers through rows in the shared database (compare-and-set updates, so no lock is ever held).
/// </summary>
internal sealed partial class HostGate(IServiceScopeFactory scopes, IOptions<FetchingOptions> options, TimeProvider time, ILogger<HostGate> logger)
{
    private static readonly DateTimeOffset Free = DateTimeOffset.UnixEpoch;
    private readonly ConcurrentDictionary<string, int> _seededSlots = new(StringComparer.Ordinal);

    /// <summary>The key requests are counted under: the host name, with the port when it is not the scheme's default.</summary>
    public static string HostOf(Uri url) =>
        ColumnLimits.Shorten(url.IsDefaultPort ? url.IdnHost.ToLowerInvariant() : $"{url.IdnHost.ToLowerInvariant()}:{url.Port}", ColumnLimits.Host);

    /// <summary>Waits for this worker's turn at the host; null when none came within <see cref="FetchingOptions.HostWaitLimit"/>.</summary>
    public Task<HostPass?> EnterAsync(Uri url, CancellationToken cancellationToken) =>
        EnterAsync(url, options.Value.HostWaitLimit, cancellationToken);

    /// <summary>
    /// Waits at most <paramref name="maxWait"/> for this worker's turn at the host; null when none comes in time,
    /// without claiming a turn that would come later (a host held off for an hour is not waited on for an hour).
    /// </summary>
    public async Task<HostPass?> EnterAsync(Uri url, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (limits.MaxConcurrentPerHost == 0 && limits.MinDelayPerHost <= TimeSpan.Zero)
        {
            return HostPass.Unlimited;
        }

        var host = HostOf(url);
        var giveUpAt = time.GetUtcNow() + maxWait;
        try
        {
            var lease = limits.MaxConcurrentPerHost == 0 ? null : await AcquireLeaseAsync(host, giveUpAt, cancellationToken).ConfigureAwait(false);
            if (limits.MaxConcurrentPerHost > 0 && lease is null)
            {
                return null;
            }

            var pass = new HostPass(this, host, lease);
            try
            {
                if (await WaitForTurnAsync(host, limits.MinDelayPerHost, giveUpAt, cancellationToken).ConfigureAwait(false))
                {
                    return pass;
                }
            }
            catch
            {
                await pass.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            await pass.DisposeAsync().ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException)
        {
            // Politeness is worth a database round trip, not a lost poll: with the database unreachable the
            // poll goes ahead and fails (or succeeds) on its own merits.
            LogGateUnavailable(logger, host, ex.Message);
            return HostPass.Unlimited;
        }
    }

    /// <summary>The host asked for a pause (429 or 503 with Retry-After): no worker starts a request to it before then.</summary>
    public async Task HoldOffAsync(Uri url, TimeSpan pause, CancellationToken cancellationToken)
    {
        var host = HostOf(url);
        var until = time.GetUtcNow() + pause;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FeedHubDbContext>();
            var moved = await db.HostTurns.Where(t => t.Host == host && t.NextStartAt < until)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.NextStartAt, until), cancellationToken).ConfigureAwait(false);
            if (moved == 0 && !await db.HostTurns.AnyAsync(t => t.Host == host, cancellationToken).ConfigureAwait(false))
            {
                await TryInsertAsync(db, new HostTurn { Host = host, NextStartAt = until }, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException)
        {
            LogGateUnavailable(logger, host, ex.Message);
        }
    }

    internal async Task ReleaseAsync(string host, HostPass.Lease lease)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FeedHubDbContext>();
            await db.HostLeases.Where(l => l.Host == host && l.Slot == lease.Slot && l.Holder == lease.Holder)
                .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.ExpiresAt, Free), CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException)
        {
            // The lease expires by itself; until then the host has one slot fewer.
            LogGateUnavailable(logger, host, ex.Message);
        }
    }

    private async Task<HostPass.Lease?> AcquireLeaseAsync(string host, DateTimeOffset giveUpAt, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var holder = Guid.NewGuid().ToString("N");
        var pause = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<FeedHubDbContext>();
                await SeedSlotsAsync(db, host, limits.MaxConcurrentPerHost, cancellationToken).ConfigureAwait(false);
                var now = time.GetUtcNow();
                var expires = now + limits.Timeout + LeaseMargin;
                for (var slot = 0; slot < limits.MaxConcurrentPerHost; slot++)
                {
                    var taken = await db.HostLeases.Where(l => l.Host == host && l.Slot == slot && l.ExpiresAt <= now)
                        .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, expires), cancellationToken)
                        .ConfigureAwait(false);
                    if (taken == 1)
                    {
                        return new HostPass.Lease(slot, holder);
                    }
                }
            }

            if (time.GetUtcNow() + pause > giveUpAt)
            {
                return null;
            }

            await Task.Delay(pause * (0.5 + NextFraction()), time, cancellationToken).ConfigureAwait(false);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(1).Ticks));
        }
    }

    /// <summary>A lease outlives the longest request by this much before another worker may take it over.</summary>
    private static TimeSpan LeaseMargin => TimeSpan.FromSeconds(30);

    private async Task SeedSlotsAsync(FeedHubDbContext db, string host, int slots, CancellationToken cancellationToken)
    {
        if (_seededSlots.TryGetValue(host, out var seeded) && seeded >= slots)
        {
            return;
        }

        var existing = await db.HostLeases.Where(l => l.Host == host).Select(l => l.Slot).ToListAsync(cancellationToken).ConfigureAwait(false);
        for (var slot = 0; slot < slots; slot++)
        {
            if (!existing.Contains(slot))
            {
                await TryInsertAsync(db, new HostLease { Host = host, Slot = slot, ExpiresAt = Free }, cancellationToken).ConfigureAwait(false);
            }
        }

        _seededSlots[host] = slots;
    }

    /// <summary>
    /// When the host next lets a request start, if that is still ahead: a poll the gate turned away is planned
    /// for then rather than retried sooner for nothing.
    /// </summary>
    public async Task<DateTimeOffset?> NextTurnAsync(Uri url, CancellationToken cancellationToken)
    {
        var host = HostOf(url);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FeedHubDbContext>();
            var next = await db.HostTurns.AsNoTracking().Where(t => t.Host == host).Select(t => (DateTimeOffset?)t.NextStartAt)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return next > time.GetUtcNow() ? next : null;
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException)
        {
            LogGateUnavailable(logger, host, ex.Message);
            return null;
        }
    }

    /// <summary>Claims the next start time at the host and waits for it.</summary>
    /// <returns>False, with nothing claimed, when that time is after <paramref name="giveUpAt"/>.</returns>
    private async Task<bool> WaitForTurnAsync(string host, TimeSpan delay, DateTimeOffset giveUpAt, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return true;
        }

        if (await ClaimStartAsync(host, delay, giveUpAt, cancellationToken).ConfigureAwait(false) is not { } start)
        {
            return false;
        }

        var wait = start - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private async Task<DateTimeOffset?> ClaimStartAsync(string host, TimeSpan delay, DateTimeOffset giveUpAt, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedHubDbContext>();
        while (true)
        {
            var now = time.GetUtcNow();
            var seen = await db.HostTurns.AsNoTracking().Where(t => t.Host == host).Select(t => (DateTimeOffset?)t.NextStartAt)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (seen is null)
            {
                if (await TryInsertAsync(db, new HostTurn { Host = host, NextStartAt = now + delay }, cancellationToken).ConfigureAwait(false))
                {
                    return now;
                }

                continue;
            }

            var start = seen.Value > now ? seen.Value : now;
            if (start > giveUpAt)
            {
                return null;
            }

            var next = start + delay;
            var claimed = await db.HostTurns.Where(t => t.Host == host && t.NextStartAt == seen.Value)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.NextStartAt, next), cancellationToken).ConfigureAwait(false);
            if (claimed == 1)
            {
                return start;
            }
        }
    }

    /// <returns>False when another worker inserted the same row first.</returns>
    private static async Task<bool> TryInsertAsync<T>(FeedHubDbContext db, T row, CancellationToken cancellationToken)
        where T : class
    {
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
        finally
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }

#pragma warning disable CA5394 // Jitter keeps waiting workers from retrying in step; it needs no cryptographic randomness.
    private static double NextFraction() => Random.Shared.NextDouble();
#pragma warning restore CA5394

    [LoggerMessage(Level = LogLevel.Warning, Message = "Host politeness for {Host} skipped, the database did not answer: {Reason}")]
    private static partial void LogGateUnavailable(ILogger logger, string host, string reason);
}
