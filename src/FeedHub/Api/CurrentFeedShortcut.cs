using FeedHub.Feeds;

namespace FeedHub.Api;

/// <summary>
/// Answers a reader of a public feed's newest page straight from <see cref="MergedFeedCache"/> when the cached
/// definition and rendering are both current, ahead of routing: endpoint selection, binding and the middleware
/// around them cost a 304 several times the string compare that decides it. Anything else (a cursor, a token, a
/// stale or missing entry, another path) goes on to the <see cref="FeedsApi"/> endpoint, which gives the same
/// answer the long way and refills the cache.
/// </summary>
internal sealed class CurrentFeedShortcut(RequestDelegate next, MergedFeedCache cache)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.QueryString.HasValue
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && request.Path.StartsWithSegments(FeedsApi.Path, out var rest)
            && rest.Value is ['/', .. var file]
            && !file.Contains('/', StringComparison.Ordinal)
            && FeedsApi.TryReadFile(file, out var slug, out var output)
            && cache.TryGetCurrent(slug, output, FeedsApi.Root(request), out var feed))
        {
            return new RenderedFeedResult(feed, output, isPrivate: false, FeedsApi.IsNotModified(request, feed)).ExecuteAsync(context);
        }

        return next(context);
    }
}

internal static class CurrentFeedShortcutExtensions
{
    /// <summary>Goes before routing, so that a current reader is answered before any endpoint is chosen.</summary>
    public static IApplicationBuilder UseCurrentFeedShortcut(this IApplicationBuilder app) => app.UseMiddleware<CurrentFeedShortcut>();

    /// <summary>
    /// Puts the shortcut first in the pipeline: WebApplication places routing, authentication and authorization
    /// ahead of any middleware the application adds, and only a startup filter runs before those.
    /// </summary>
    public static IServiceCollection AddCurrentFeedShortcut(this IServiceCollection services) =>
        services.AddTransient<IStartupFilter, FirstInPipeline>();

    private sealed class FirstInPipeline : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseCurrentFeedShortcut();
            next(app);
        };
    }
}
