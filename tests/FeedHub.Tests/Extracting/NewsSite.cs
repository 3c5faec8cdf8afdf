using System.Collections.Concurrent;
using System.Globalization;
using System.Security;
using System.Text;
using FeedHub.Tests.EndToEnd;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FeedHub.Tests.Extracting;

/// <summary>How an article page of a <see cref="NewsSite"/> answers.</summary>
public enum PageBehaviour
{
    Serve,
    NotFound,

    /// <summary>Sends nothing for far longer than FeedHub waits.</summary>
    Hang,
}

/// <summary>
/// A news site on 127.0.0.1: an RSS feed at <c>/feed.xml</c> (without validators, so every poll reads and stores
/// it again) whose items link to article pages at <c>/articles/{name}</c>, with a log of every request.
/// </summary>
public sealed class NewsSite : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ArticlePage> pages = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SiteRequest> requests = new();
    private readonly WebApplication app;
    private volatile NewsItem[] items = [];

    private NewsSite(WebApplication app) => this.app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public Uri FeedUrl => new(BaseAddress, "/feed.xml");

    public IReadOnlyCollection<SiteRequest> Requests => requests.ToArray();

    public IReadOnlyList<SiteRequest> ArticleRequests => [.. Requests.Where(r => r.Path.StartsWith("/articles/", StringComparison.Ordinal))];

    public static async Task<NewsSite> StartAsync()
    {
        var site = new NewsSite(LoopbackServer.CreateBuilder().Build());
        site.app.MapGet("/feed.xml", site.ServeFeed);
        site.app.MapGet("/articles/{name}", (string name, HttpContext context) => site.ServePageAsync(name, context));
        await site.app.StartAsync();
        site.BaseAddress = LoopbackServer.AddressOf(site.app.Services);
        return site;
    }

    public Uri ArticleUrl(string name) => new(BaseAddress, $"/articles/{name}");

    public void AddPage(string name, byte[] body, string? contentType) => pages[name] = new ArticlePage(PageBehaviour.Serve, body, contentType);

    public void AddPage(string name, PageBehaviour behaviour) => pages[name] = new ArticlePage(behaviour, [], null);

    /// <summary>Replaces the feed's items.</summary>
    public void Publish(params NewsItem[] published) => items = published;

    public int RequestsFor(string article) => ArticleRequests.Count(r => r.Path == $"/articles/{article}");

    private IResult ServeFeed(HttpContext context)
    {
        Record(context);
        return Results.Text(Render(items), "application/rss+xml; charset=utf-8");
    }

    private async Task ServePageAsync(string name, HttpContext context)
    {
        Record(context);
        if (!pages.TryGetValue(name, out var page) || page.Behaviour == PageBehaviour.NotFound)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync("<html><body><p>Không tìm thấy trang.</p></body></html>", context.RequestAborted);
            return;
        }

        try
        {
            if (page.Behaviour == PageBehaviour.Hang)
            {
                await Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted);
            }

            if (page.ContentType is not null)
            {
                context.Response.ContentType = page.ContentType;
            }

            context.Response.ContentLength = page.Body.Length;
            await context.Response.Body.WriteAsync(page.Body, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // FeedHub gave up waiting, as it should.
        }
    }

    private void Record(HttpContext context) => requests.Enqueue(new SiteRequest(
        context.Request.Path.Value ?? string.Empty,
        context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));

    private string Render(IEnumerable<NewsItem> news)
    {
        var xml = new StringBuilder("""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Báo Thử Nghiệm</title>""");
        xml.Append(CultureInfo.InvariantCulture, $"<link>{BaseAddress.AbsoluteUri}</link><description>Tin mới</description>");
        foreach (var item in news)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<item><title>{SecurityElement.Escape(item.Title)}</title><link>{SecurityElement.Escape(item.Link.AbsoluteUri)}</link>");
            xml.Append(CultureInfo.InvariantCulture, $"""<guid isPermaLink="false">{item.Id}</guid><description>{SecurityElement.Escape(item.Teaser)}</description>""");
            if (item.Published is { } published)
            {
                xml.Append(CultureInfo.InvariantCulture, $"<pubDate>{published.ToString("r", CultureInfo.InvariantCulture)}</pubDate>");
            }

            xml.Append("</item>");
        }

        return xml.Append("</channel></rss>").ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private sealed record ArticlePage(PageBehaviour Behaviour, byte[] Body, string? ContentType);
}

/// <param name="Published">Null for a feed that dates nothing: the page's date is used then.</param>
public sealed record NewsItem(string Id, string Title, Uri Link, string Teaser, DateTimeOffset? Published = null);

public sealed record SiteRequest(string Path, IReadOnlyDictionary<string, string> Headers);
