using System.Net;
using System.Net.Http.Json;
using FeedHub.Tests.EndToEnd;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace FeedHub.Tests.Api;

/// <summary>An operator tries a full-content source's extraction on one article page, with and without per-site rules.</summary>
public sealed class ExtractionPreviewApiTests : IAsyncLifetime
{
    private const string Lead = "Từ giữa năm 2026, xe máy chạy xăng sẽ không được lưu thông trong vành đai 1";
    private const string Related = "Hà Nội thí điểm vùng phát thải thấp từ tháng 7";
    private static readonly string[] RemoveTheLead = ["p:first-of-type", ".sidebar"];
    private static readonly string[] NotCss = ["div(("];

    private OperatorApiHost host = null!;
    private WebApplication server = null!;
    private Uri page = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var html = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Extracting", "Fixtures", "vnexpress-inbody-related.html"), Cancellation);
        server = LoopbackServer.CreateBuilder().Build();
        server.MapGet("/ha-noi-4812345.html", () => Results.Bytes(html, "text/html; charset=utf-8"));
        await server.StartAsync();
        page = new Uri(LoopbackServer.AddressOf(server.Services), "/ha-noi-4812345.html");
        host = await OperatorApiHost.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task The_preview_gives_the_article_without_its_related_box()
    {
        using var http = host.Client();

        var article = await PreviewAsync(http, new { url = page.AbsoluteUri, timeZone = "Asia/Ho_Chi_Minh" });

        Assert.Equal("Hà Nội mở rộng vùng cấm xe máy chạy xăng trong vành đai 1", article.GetProperty("title").GetString());
        Assert.Equal(new DateTimeOffset(2026, 1, 19, 6, 35, 0, TimeSpan.Zero), article.GetProperty("published").GetDateTimeOffset());
        var text = article.GetProperty("text").GetString();
        Assert.Contains(Lead, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Related, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_rules_being_tried_change_what_is_kept()
    {
        using var http = host.Client();

        var plain = await PreviewAsync(http, new { url = page.AbsoluteUri });
        var ruled = await PreviewAsync(http, new { url = page.AbsoluteUri, extraction = new { remove = RemoveTheLead } });

        Assert.NotEqual(plain.GetProperty("text").GetString(), ruled.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Rules_that_are_not_css_are_refused()
    {
        using var http = host.Client();

        using var response = await http.PostAsJsonAsync(
            new Uri("/api/sources/preview-extraction", UriKind.Relative), new { url = page.AbsoluteUri, extraction = new { keep = NotCss } }, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<System.Text.Json.JsonElement> PreviewAsync(HttpClient http, object body)
    {
        using var response = await http.PostAsJsonAsync(new Uri("/api/sources/preview-extraction", UriKind.Relative), body, Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var article = await OperatorApiHost.ReadAsync(response);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, article.GetProperty("error").ValueKind);
        return article;
    }
}
