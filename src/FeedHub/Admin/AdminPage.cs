using System.Security.Claims;
using FeedHub.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FeedHub.Admin;

/// <summary>
/// <c>/admin</c>: one small static page over the operator API. Without a key it answers 401 with a
/// sign-in form; the key is checked against FeedHub:ApiKeys and kept in an HttpOnly cookie.
/// </summary>
internal static class AdminPage
{
    public const string Path = "/admin";

    // The page runs only its own script and talks only to its own origin; nothing a feed sends can run.
    private const string PagePolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static RouteGroupBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup(Path).ExcludeFromDescription()
            .RequireRateLimiting(ApiRegistration.RateLimitPolicy)
            .AddEndpointFilter(async (context, next) =>
            {
                AddSecurityHeaders(context.HttpContext.Response);
                return await next(context).ConfigureAwait(false);
            });
        admin.MapGet("/", Show);
        admin.MapGet("/assets/{name}", Asset);
        admin.MapPost("/login", SignInAsync);
        admin.MapPost("/logout", SignOut);
        return admin;
    }

    private static ContentHttpResult Show(HttpContext context, AdminAssets assets)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            var expired = context.Request.Cookies.ContainsKey(AdminSession.CookieName);
            return SignInPage(context, assets, expired ? "That key is no longer accepted. Sign in again." : null);
        }

        var html = assets.Render("admin.html", new Dictionary<string, string>
        {
            ["base"] = context.Request.PathBase.Value ?? "",
            ["keyName"] = user.Identity.Name ?? "key",
            ["role"] = user.FindFirstValue(ClaimTypes.Role) ?? ApiRoles.ReadOnly,
        });
        return Page(context, html, StatusCodes.Status200OK);
    }

    private static IResult Asset(string name, AdminAssets assets) =>
        assets.Find(name) is { } asset
            ? TypedResults.Bytes(asset.Content, asset.ContentType, entityTag: asset.ETag)
            : TypedResults.NotFound();

    private static async Task<IResult> SignInAsync(HttpContext context, AdminAssets assets, IOptionsMonitor<ApiKeysOptions> keys, CancellationToken cancellationToken)
    {
        if (!AdminRequests.IsSameOrigin(context.Request))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Sign in from FeedHub's own page",
                detail: "This sign-in came from another site; open /admin on this FeedHub and sign in there.");
        }

        if (!context.Request.HasFormContentType)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Send the sign-in form",
                detail: "POST /admin/login takes the form field 'key'; API clients send 'Authorization: Bearer <key>' instead.");
        }

        var form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var key = form["key"].ToString().Trim();
        if (keys.CurrentValue.Find(key) is null)
        {
            return SignInPage(context, assets, "That is not one of this FeedHub's keys. `feedhub keys create` makes one; add its line to FeedHub:ApiKeys.");
        }

        AdminSession.Start(context, key);
        return SeeAdmin(context);
    }

    private static StatusCodeHttpResult SignOut(HttpContext context)
    {
        AdminSession.End(context);
        return SeeAdmin(context);
    }

    /// <summary>303: after a form POST the browser loads the page with GET, so a reload never resends the key.</summary>
    private static StatusCodeHttpResult SeeAdmin(HttpContext context)
    {
        context.Response.Headers.Location = $"{context.Request.PathBase}{Path}";
        return TypedResults.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static ContentHttpResult SignInPage(HttpContext context, AdminAssets assets, string? error)
    {
        var html = assets.Render("login.html", new Dictionary<string, string>
        {
            ["base"] = context.Request.PathBase.Value ?? "",
            ["error"] = error ?? "",
        });
        return Page(context, html, StatusCodes.Status401Unauthorized);
    }

    private static ContentHttpResult Page(HttpContext context, string html, int status)
    {
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    private static void AddSecurityHeaders(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = PagePolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        // Not "no-referrer": with it, browsers send "Origin: null" on form posts and the sign-in could not tell its own page.
        response.Headers["Referrer-Policy"] = "same-origin";
    }
}
