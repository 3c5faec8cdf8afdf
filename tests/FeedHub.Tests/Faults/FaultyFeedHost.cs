using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using FeedHub.Tests.EndToEnd;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FeedHub.Tests.Faults;

/// <summary>The ways a feed host misbehaves that the fault suite puts FeedHub through.</summary>
public enum Fault
{
    /// <summary>Answers properly.</summary>
    None,

    /// <summary>Sends no headers for far longer than FeedHub waits.</summary>
    SlowHeaders,

    /// <summary>Sends headers at once, then the body at one byte per second.</summary>
    TrickleBody,

    /// <summary>A 200 whose body never ends.</summary>
    EndlessBody,

    /// <summary>A few kilobytes of gzip that inflate to 16 MiB of zeros.</summary>
    GzipBomb,

    /// <summary>A redirect to itself, forever.</summary>
    RedirectLoop,

    /// <summary>500, 502 and 503 in turn.</summary>
    ServerErrorStorm,

    /// <summary>429 with <c>Retry-After: 2</c>.</summary>
    RateLimited,

    /// <summary>The good feed, labelled <c>text/html</c>.</summary>
    FeedAsHtmlContentType,

    /// <summary>The good feed, labelled <c>application/octet-stream</c>.</summary>
    FeedAsOctetStream,

    /// <summary>A web page, not a feed.</summary>
    HtmlPage,

    /// <summary>Announces the whole feed, sends half of it, then resets the connection.</summary>
    ResetMidBody,
}

/// <summary>
/// A Kestrel on 127.0.0.1 serving RSS feeds at <c>/feeds/{name}</c>, each of which can be switched
/// between misbehaving and healthy while FeedHub polls it, with a log of what every request got.
/// </summary>
public sealed class FaultyFeedHost : IAsyncDisposable
{
    /// <summary>
    /// Short, because FeedHub honours it for the whole host: every source on this server, the recovery
    /// poll included, waits it out before its next request.
    /// </summary>
    public const string RetryAfterSeconds = "2";

    private static readonly byte[] Bomb = Compress(new byte[16 * 1024 * 1024]);
    private readonly ConcurrentDictionary<string, FeedRoute> routes = new(StringComparer.Ordinal);
    private readonly WebApplication app;

    private FaultyFeedHost(WebApplication app) => this.app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<FaultyFeedHost> StartAsync()
    {
        var host = new FaultyFeedHost(LoopbackServer.CreateBuilder().Build());
        host.app.MapGet("/feeds/{name}", (string name, HttpContext context) => host.ServeAsync(name, context));
        await host.app.StartAsync();
        host.BaseAddress = LoopbackServer.AddressOf(host.app.Services);
        return host;
    }

    public Uri UrlOf(string name) => new(BaseAddress, $"/feeds/{name}");

    /// <summary>Adds items (by guid) to a feed, creating it healthy if it is new.</summary>
    public void Publish(string name, params string[] guids)
    {
        routes.GetOrAdd(name, _ => new FeedRoute()).Add(guids);
    }

    public void Misbehave(string name, Fault fault) => routes[name].Fault = fault;

    public void Heal(string name) => routes[name].Fault = Fault.None;

    /// <summary>How many requests for a feed have been answered (or cut off) so far.</summary>
    public int RequestsFor(string name) => routes.TryGetValue(name, out var route) ? route.Requests : 0;

    /// <summary>How many requests for a feed arrived while it misbehaved.</summary>
    public int FaultyRequestsFor(string name) => routes.TryGetValue(name, out var route) ? route.FaultyRequests : 0;

    private async Task ServeAsync(string name, HttpContext context)
    {
        if (!routes.TryGetValue(name, out var route))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var fault = route.Fault;
        var feed = Encoding.UTF8.GetBytes(Render(name, route.Snapshot()));
        try
        {
            await AnswerAsync(fault, feed, route.Count(fault), context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // FeedHub gave up on us, as it should.
        }
        catch (IOException) when (context.RequestAborted.IsCancellationRequested)
        {
        }
    }

    private static async Task AnswerAsync(Fault fault, byte[] feed, int attempt, HttpContext context)
    {
        var response = context.Response;
        var aborted = context.RequestAborted;
        switch (fault)
        {
            case Fault.None:
                await WriteAsync(response, feed, "application/rss+xml; charset=utf-8", aborted);
                break;
            case Fault.SlowHeaders:
                await Task.Delay(TimeSpan.FromSeconds(60), aborted);
                await WriteAsync(response, feed, "application/rss+xml", aborted);
                break;
            case Fault.TrickleBody:
                response.ContentType = "application/rss+xml";
                response.ContentLength = feed.Length;
                await response.StartAsync(aborted);
                foreach (var b in feed)
                {
                    await response.Body.WriteAsync(new[] { b }, aborted);
                    await response.Body.FlushAsync(aborted);
                    await Task.Delay(TimeSpan.FromSeconds(1), aborted);
                }

                break;
            case Fault.EndlessBody:
                response.ContentType = "application/rss+xml";
                var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<item><title>more</title></item>", 512)));
                await response.Body.WriteAsync(Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"), aborted);
                while (!aborted.IsCancellationRequested)
                {
                    await response.Body.WriteAsync(chunk, aborted);
                }

                break;
            case Fault.GzipBomb:
                response.Headers.ContentEncoding = "gzip";
                await WriteAsync(response, Bomb, "application/rss+xml", aborted);
                break;
            case Fault.RedirectLoop:
                response.StatusCode = StatusCodes.Status302Found;
                response.Headers.Location = context.Request.Path.Value;
                break;
            case Fault.ServerErrorStorm:
                response.StatusCode = (attempt % 3) switch
                {
                    0 => StatusCodes.Status500InternalServerError,
                    1 => StatusCodes.Status502BadGateway,
                    _ => StatusCodes.Status503ServiceUnavailable,
                };
                break;
            case Fault.RateLimited:
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = RetryAfterSeconds;
                break;
            case Fault.FeedAsHtmlContentType:
                await WriteAsync(response, feed, "text/html; charset=utf-8", aborted);
                break;
            case Fault.FeedAsOctetStream:
                await WriteAsync(response, feed, "application/octet-stream", aborted);
                break;
            case Fault.HtmlPage:
                await WriteAsync(
                    response,
                    "<!DOCTYPE html><html><head><title>Báo Thử Nghiệm</title><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss/tin-moi-nhat.rss\"></head><body><h1>Tin mới</h1><p>Trang chủ, không phải nguồn tin.</p></body></html>"u8.ToArray(),
                    "text/html; charset=utf-8",
                    aborted);
                break;
            case Fault.ResetMidBody:
                response.ContentType = "application/rss+xml";
                response.ContentLength = feed.Length;
                context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
                await response.Body.WriteAsync(feed.AsMemory(0, feed.Length / 2), aborted);
                await response.Body.FlushAsync(aborted);
                context.Abort();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, null);
        }
    }

    private static async Task WriteAsync(HttpResponse response, byte[] body, string contentType, CancellationToken cancellationToken)
    {
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, cancellationToken);
    }

    /// <summary>An RSS 2.0 feed with one item per guid, newest last.</summary>
    public static string Render(string name, IEnumerable<string> guids)
    {
        var xml = new StringBuilder();
        xml.Append(CultureInfo.InvariantCulture, $"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{name}</title><link>https://{name}.example.test/</link><description>{name}</description>""");
        foreach (var guid in guids)
        {
            xml.Append(CultureInfo.InvariantCulture, $"""<item><title>Tin {guid}</title><link>https://{name}.example.test/{guid}.html</link><guid isPermaLink="false">{guid}</guid><pubDate>Mon, 19 Jan 2026 06:35:00 GMT</pubDate></item>""");
        }

        xml.Append("</channel></rss>");
        return xml.ToString();
    }

    private static byte[] Compress(byte[] data)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal))
        {
            gzip.Write(data);
        }

        return compressed.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private sealed class FeedRoute
    {
        private readonly Lock gate = new();
        private readonly List<string> guids = [];
        private int requests;
        private int faultyRequests;
        private int fault;

        public Fault Fault
        {
            get => (Fault)Volatile.Read(ref fault);
            set => Volatile.Write(ref fault, (int)value);
        }

        public int Requests => Volatile.Read(ref requests);

        public int FaultyRequests => Volatile.Read(ref faultyRequests);

        public void Add(string[] more)
        {
            lock (gate)
            {
                guids.AddRange(more);
            }
        }

        public string[] Snapshot()
        {
            lock (gate)
            {
                return [.. guids];
            }
        }

        /// <summary>Counts a request; returns how many earlier ones misbehaved.</summary>
        public int Count(Fault served)
        {
            Interlocked.Increment(ref requests);
            return served == Fault.None ? 0 : Interlocked.Increment(ref faultyRequests) - 1;
        }
    }
}
