namespace FeedHub.Admin;

/// <summary>
/// The admin page's sign-in: the operator's key, kept in an HttpOnly, SameSite=Strict cookie, because a
/// browser cannot send a Bearer header when it opens a page. The key itself is the session, so revoking
/// it in configuration signs the browser out at once and any node behind a load balancer accepts it.
/// </summary>
internal static class AdminSession
{
    public const string CookieName = "feedhub_admin";

    /// <summary>
    /// The page sends this on each /api call. A cross-site form cannot set a header, so a cookie alone
    /// never lets another site act with the operator's key (CSRF), even where SameSite does not hold.
    /// </summary>
    public const string RequestHeader = "X-FeedHub-Admin";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    /// <summary>The key from the cookie, for the admin page itself or a request the page made; otherwise null.</summary>
    public static string? KeyFrom(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(CookieName, out var key) || string.IsNullOrEmpty(key))
        {
            return null;
        }

        var fromPage = request.Path.StartsWithSegments(AdminPage.Path) || request.Headers.ContainsKey(RequestHeader);
        return fromPage ? key : null;
    }

    public static void Start(HttpContext context, string key) =>
        context.Response.Cookies.Append(CookieName, key, CookieFor(context.Request, Lifetime));

    public static void End(HttpContext context) =>
        context.Response.Cookies.Delete(CookieName, CookieFor(context.Request, maxAge: null));

    private static CookieOptions CookieFor(HttpRequest request, TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = request.IsHttps,
        Path = request.PathBase.HasValue ? request.PathBase.Value : "/",
        MaxAge = maxAge,
        IsEssential = true,
    };
}
