using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FeedHub.Tests.EndToEnd;

/// <summary>
/// A real HTTP server on 127.0.0.1 serving feeds that tests change between polls, with ETags, and
/// a log of every request it answered.
/// </summary>
public sealed class TestFeedServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, string> feeds = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ServedRequest> requests = new();
    private readonly WebApplication app;

    private TestFeedServer(WebApplication app) => this.app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyCollection<ServedRequest> Requests => requests.ToArray();

    public static async Task<TestFeedServer> StartAsync()
    {
        var server = new TestFeedServer(LoopbackServer.CreateBuilder().Build());
        server.app.MapGet("/feeds/{name}", server.Serve);
        await server.app.StartAsync();
        server.BaseAddress = LoopbackServer.AddressOf(server.app.Services);
        return server;
    }

    public Uri UrlOf(string name) => new(BaseAddress, $"/feeds/{name}");

    public void Publish(string name, string xml) => feeds[name] = xml;

    private IResult Serve(string name, HttpContext context)
    {
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        if (!feeds.TryGetValue(name, out var xml))
        {
            requests.Enqueue(new ServedRequest(name, ifNoneMatch, StatusCodes.Status404NotFound, headers));
            return Results.NotFound();
        }

        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(xml)))[..16]}\"";
        context.Response.Headers.ETag = etag;
        if (ifNoneMatch == etag)
        {
            requests.Enqueue(new ServedRequest(name, ifNoneMatch, StatusCodes.Status304NotModified, headers));
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        requests.Enqueue(new ServedRequest(name, ifNoneMatch, StatusCodes.Status200OK, headers));
        return Results.Text(xml, "application/rss+xml; charset=utf-8");
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public sealed record ServedRequest(string Feed, string IfNoneMatch, int Status, IReadOnlyDictionary<string, string> Headers);
