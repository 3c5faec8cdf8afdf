using System.Net;
using System.Net.Http.Headers;
using FeedHub.Admin;
using Xunit;

namespace FeedHub.Tests.Api;

/// <summary>
/// /admin over plain HTTP: the sign-in, the session cookie and what it may and may not do. The page
/// itself is driven in Chromium by FeedHub.BrowserTests.
/// </summary>
public sealed class AdminPageTests : IAsyncLifetime
{
    private OperatorApiHost host = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => host = await OperatorApiHost.StartAsync();

    public ValueTask DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task Without_a_key_the_page_is_a_401_sign_in_form()
    {
        using var http = Browser();

        using var response = await http.GetAsync(new Uri("/admin", UriKind.Relative), Cancellation);
        var html = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("action=\"/admin/login\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("admin.js", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task A_bearer_key_opens_the_page_with_its_role()
    {
        using var http = Browser();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorApiHost.ReaderKey);

        using var response = await http.GetAsync(new Uri("/admin", UriKind.Relative), Cancellation);
        var html = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-role=\"ReadOnly\"", html, StringComparison.Ordinal);
        Assert.Contains("/admin/assets/admin.js", html, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Signing_in_sets_an_http_only_strict_cookie_and_redirects_with_get()
    {
        using var http = Browser();

        using var response = await SignInAsync(http, OperatorApiHost.OperatorKey);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith($"{AdminSession.CookieName}=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_without_a_cookie()
    {
        using var http = Browser();

        using var response = await SignInAsync(http, "fh_guess");
        var html = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Contains("not one of this FeedHub&#39;s keys", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_posted_from_another_site_is_refused()
    {
        using var http = Browser();
        using var form = new FormUrlEncodedContent([new("key", OperatorApiHost.OperatorKey)]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/login") { Content = form };
        request.Headers.Add("Origin", "https://evil.example.test");

        using var response = await http.SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task The_cookie_opens_the_api_only_with_the_page_header()
    {
        using var http = Browser();
        var cookie = await SessionCookieAsync(http);

        using var plain = await SendWithCookieAsync(http, HttpMethod.Get, "/api/sources", cookie, pageHeader: false);
        using var fromPage = await SendWithCookieAsync(http, HttpMethod.Get, "/api/sources", cookie, pageHeader: true);
        using var page = await SendWithCookieAsync(http, HttpMethod.Get, "/admin", cookie, pageHeader: false);

        Assert.Equal(HttpStatusCode.Unauthorized, plain.StatusCode); // a cross-site form or link cannot act with it
        Assert.Equal(HttpStatusCode.OK, fromPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_read_only_session_may_not_change_anything()
    {
        using var http = Browser();
        var cookie = await SessionCookieAsync(http, OperatorApiHost.ReaderKey);

        using var add = await SendWithCookieAsync(http, HttpMethod.Post, "/api/sources", cookie, pageHeader: true, json: $"{{\"url\":\"{host.Feeds.UrlOf("vn.xml")}\"}}");

        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
    }

    [Fact]
    public async Task Signing_out_clears_the_cookie()
    {
        using var http = Browser();
        var cookie = await SessionCookieAsync(http);

        using var response = await SendWithCookieAsync(http, HttpMethod.Post, "/admin/logout", cookie, pageHeader: false);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var cleared = response.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith($"{AdminSession.CookieName}=;", cleared, StringComparison.Ordinal);
        Assert.Contains("expires=Thu, 01 Jan 1970", cleared, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("admin.js", "text/javascript")]
    [InlineData("admin.css", "text/css")]
    [InlineData("favicon.svg", "image/svg+xml")]
    public async Task Assets_are_served_with_their_types_and_etags(string name, string type)
    {
        using var http = Browser();

        using var first = await http.GetAsync(new Uri($"/admin/assets/{name}", UriKind.Relative), Cancellation);
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/admin/assets/{name}");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await http.SendAsync(again, Cancellation);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(type, first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Theory]
    [InlineData("admin.html")]
    [InlineData("login.html")]
    [InlineData("missing.js")]
    public async Task Templates_and_unknown_names_are_not_assets(string name)
    {
        using var http = Browser();

        using var response = await http.GetAsync(new Uri($"/admin/assets/{name}", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Key_names_are_html_encoded_in_the_page()
    {
        await using var odd = await OperatorApiHost.StartAsync(new Dictionary<string, string?> { ["FeedHub:ApiKeys:0:Name"] = "<script>alert(1)</script>" });
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = odd.Hub.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorApiHost.OperatorKey);

        var html = await http.GetStringAsync(new Uri("/admin", UriKind.Relative), Cancellation);

        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    /// <summary>Like a browser that keeps no cookies and follows no redirects, so each step can be checked.</summary>
    private HttpClient Browser() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.Hub.BaseAddress };

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient http, string key)
    {
        using var form = new FormUrlEncodedContent([new("key", key)]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/login") { Content = form };
        request.Headers.Add("Origin", http.BaseAddress!.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return await http.SendAsync(request, Cancellation);
    }

    private static async Task<string> SessionCookieAsync(HttpClient http, string key = OperatorApiHost.OperatorKey)
    {
        using var response = await SignInAsync(http, key);
        return response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
    }

    private static async Task<HttpResponseMessage> SendWithCookieAsync(HttpClient http, HttpMethod method, string path, string cookie, bool pageHeader, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookie);
        if (pageHeader)
        {
            request.Headers.Add(AdminSession.RequestHeader, "1");
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        return await http.SendAsync(request, Cancellation);
    }
}
