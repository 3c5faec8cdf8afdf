using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using FeedHub.Tests.EndToEnd;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FeedHub.Tests.Fetching;

/// <summary>A local server with one route per way a feed host can answer, recording request headers.</summary>
public sealed class MisbehavingServer : IAsyncDisposable
{
    public const string Feed = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Tin</title></channel></rss>""";
    public const string ETag = "\"v1\"";
    public const string LastModified = "Mon, 19 Jan 2026 06:35:00 GMT";

    private readonly WebApplication app;

    private MisbehavingServer(WebApplication app) => this.app = app;

    public ConcurrentQueue<IHeaderDictionary> Requests { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public Uri Url(string path) => new(BaseAddress, path);

    public static async Task<MisbehavingServer> StartAsync()
    {
        var server = new MisbehavingServer(LoopbackServer.CreateBuilder().Build());
        server.Map();
        await server.app.StartAsync();
        server.BaseAddress = LoopbackServer.AddressOf(server.app.Services);
        return server;
    }

    private void Map()
    {
        app.Use(async (context, next) =>
        {
            Requests.Enqueue(new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value)));
            await next(context);
        });
        app.MapGet("/feed", (HttpContext context) =>
        {
            context.Response.Headers.ETag = ETag;
            context.Response.Headers.LastModified = LastModified;
            return context.Request.Headers.IfNoneMatch == ETag ? Results.StatusCode(304) : Results.Text(Feed, "application/rss+xml");
        });
        app.MapGet("/gzip", async (HttpContext context) =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentType = "application/rss+xml";
            await using var gzip = new GZipStream(context.Response.Body, CompressionLevel.Fastest);
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(Feed));
        });
        app.MapGet("/bomb", async (HttpContext context) =>
        {
            // 1 MiB of zeros compresses to about a kilobyte; the limit must apply after decompression.
            context.Response.Headers.ContentEncoding = "gzip";
            await using var gzip = new GZipStream(context.Response.Body, CompressionLevel.Optimal);
            await gzip.WriteAsync(new byte[1024 * 1024]);
        });
        app.MapGet("/large", () => Results.Text(new string('x', 64 * 1024), "application/rss+xml"));
        app.MapGet("/empty", () => Results.Text(string.Empty, "application/rss+xml"));
        app.MapGet("/status/{code:int}", (int code, HttpContext context) =>
        {
            if (code is 429 or 503)
            {
                context.Response.Headers.RetryAfter = "120";
            }

            return Results.StatusCode(code);
        });
        app.MapGet("/moved", () => Results.Redirect("/feed", permanent: true));
        app.MapGet("/loop", () => Results.Redirect("/loop"));
        app.MapGet("/slow", async (CancellationToken cancellationToken) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            return Results.Text(Feed);
        });
        app.MapGet("/reset", (HttpContext context) =>
        {
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            context.Abort();
            return Results.Empty;
        });
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
