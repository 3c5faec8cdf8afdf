using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using FeedHub.Tests.EndToEnd;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FeedHub.IntegrationTests.Scale;

/// <summary>
/// Serves many feeds on 127.0.0.1 that each gain an item every <see cref="GrowEvery"/>, with ETags,
/// and records every request. It remembers the newest item it ever served per feed, so a test knows
/// exactly which items were exposed.
/// </summary>
internal sealed class FeedFarm : IAsyncDisposable
{
    /// <summary>Like real feeds, each response carries only the newest items.</summary>
    public const int WindowSize = 20;

    private readonly WebApplication app;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<(int Feed, int Item), byte> served = new();
    private volatile bool growing = true;
    private int frozenAt;

    private FeedFarm(WebApplication app, int feeds, TimeSpan growEvery)
    {
        this.app = app;
        Feeds = feeds;
        GrowEvery = growEvery;
    }

    public int Feeds { get; }

    public TimeSpan GrowEvery { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public ConcurrentQueue<FarmRequest> Requests { get; } = new();

    public TimeSpan Elapsed => clock.Elapsed;

    public static async Task<FeedFarm> StartAsync(int feeds, TimeSpan growEvery)
    {
        var farm = new FeedFarm(LoopbackServer.CreateBuilder().Build(), feeds, growEvery);
        farm.app.MapGet("/farm/{feed:int}.xml", farm.Serve);
        await farm.app.StartAsync();
        farm.BaseAddress = LoopbackServer.AddressOf(farm.app.Services);
        return farm;
    }

    public Uri UrlOf(int feed) => new(BaseAddress, $"/farm/{feed}.xml");

    /// <summary>Stops new items from appearing, so everything exposed can be checked once it has drained.</summary>
    public void StopGrowing()
    {
        frozenAt = CurrentCount();
        growing = false;
    }

    /// <summary>Every (feed, item number) that some response contained.</summary>
    public IReadOnlySet<(int Feed, int Item)> Exposed() => served.Keys.ToHashSet();

    public static string GuidOf(int feed, int item) => $"farm-{feed}-{item}";

    private int CurrentCount() => growing ? 1 + (int)(clock.Elapsed / GrowEvery) : frozenAt;

    private IResult Serve(int feed, HttpContext context)
    {
        var count = CurrentCount();
        var etag = $"\"{count}\"";
        context.Response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch == etag)
        {
            Requests.Enqueue(new FarmRequest(feed, clock.Elapsed, 304));
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        for (var item = Math.Max(1, count - WindowSize + 1); item <= count; item++)
        {
            served.TryAdd((feed, item), 0);
        }

        Requests.Enqueue(new FarmRequest(feed, clock.Elapsed, 200));
        return Results.Text(Render(feed, count), "application/rss+xml; charset=utf-8");
    }

    private static string Render(int feed, int count)
    {
        var xml = new StringBuilder(256 + count * 256);
        xml.Append(CultureInfo.InvariantCulture, $"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Trang {feed}</title><link>https://farm.example.test/{feed}/</link><description>Tin</description>");
        for (var item = count; item >= 1 && item > count - WindowSize; item--)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<item><title>Tin số {item} của trang {feed}</title><link>https://farm.example.test/{feed}/{item}.html</link><guid isPermaLink=\"false\">{GuidOf(feed, item)}</guid><pubDate>Mon, 19 Jan 2026 06:{item % 60:00}:00 +0700</pubDate></item>");
        }

        return xml.Append("</channel></rss>").ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

internal sealed record FarmRequest(int Feed, TimeSpan At, int Status);
