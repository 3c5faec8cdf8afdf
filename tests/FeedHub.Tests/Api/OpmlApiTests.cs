using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using FeedHub.Api;
using FeedHub.Tests.EndToEnd;
using FeedHub.Tests.Sources.Opml;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace FeedHub.Tests.Api;

/// <summary>
/// OPML import and export on a whole running service. The service runs the API role only: imported
/// sources point at example hosts, and no worker may try to poll them.
/// </summary>
public sealed class OpmlApiTests : IAsyncLifetime
{
    private const string OperatorKey = "fh_test_operator_key";
    private const string ReaderKey = "fh_test_reader_key";
    private readonly List<string> dataFolders = [];
    private TestFeedHub hub = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => hub = await StartHubAsync();

    public async ValueTask DisposeAsync()
    {
        await hub.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var folder in dataFolders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Import_needs_an_operator_key_and_export_any_key()
    {
        using var anonymous = Client(hub, key: null);
        using var reader = Client(hub, ReaderKey);

        using var anonymousExport = await anonymous.GetAsync(new Uri("/api/opml", UriKind.Relative), Cancellation);
        using var anonymousImport = await anonymous.PostAsync(new Uri("/api/opml", UriKind.Relative), Fixture("feedly-folders.opml"), Cancellation);
        using var readerExport = await reader.GetAsync(new Uri("/api/opml", UriKind.Relative), Cancellation);
        using var readerImport = await reader.PostAsync(new Uri("/api/opml", UriKind.Relative), Fixture("feedly-folders.opml"), Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymousExport.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousImport.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readerExport.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readerImport.StatusCode);
    }

    [Fact]
    public async Task Imports_an_opml_body_and_answers_with_the_result()
    {
        using var http = Client(hub, OperatorKey);

        using var response = await http.PostAsync(new Uri("/api/opml", UriKind.Relative), Fixture("inoreader-categories.opml"), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var result = await ReadAsync(response);
        Assert.Equal(4, result.GetProperty("total").GetInt32());
        Assert.Equal(3, result.GetProperty("added").GetInt32());
        var duplicate = Assert.Single(result.GetProperty("duplicates").EnumerateArray());
        Assert.Equal("https://feeds.example.co.uk/news/world/rss.xml", duplicate.GetProperty("url").GetString());
        Assert.Equal(JsonValueKind.String, duplicate.GetProperty("existingId").ValueKind);
        Assert.Empty(result.GetProperty("invalid").EnumerateArray());
        var tagged = await ReadAsync(await http.GetAsync(new Uri("/api/sources?tag=Europe", UriKind.Relative), Cancellation));
        var bbc = Assert.Single(tagged.GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, bbc.GetProperty("interval").ValueKind);
    }

    [Fact]
    public async Task Streams_progress_lines_then_the_result_when_asked_for_ndjson()
    {
        using var http = Client(hub, OperatorKey);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/opml", UriKind.Relative))
        {
            Content = new StringContent(OpmlFixtures.Generated(250), Encoding.UTF8, "text/x-opml"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(OpmlApi.NdjsonType));

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OpmlApi.NdjsonType, response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(Cancellation)).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal([0, 100, 200, 250], lines.SkipLast(1).Select(l => l.GetProperty("processed").GetInt32()));
        Assert.All(lines.SkipLast(1), l => Assert.Equal(250, l.GetProperty("total").GetInt32()));
        var done = lines[^1];
        Assert.True(done.GetProperty("done").GetBoolean());
        Assert.Equal(250, done.GetProperty("added").GetInt32());
        Assert.Empty(done.GetProperty("duplicates").EnumerateArray());
    }

    [Fact]
    public async Task Accepts_the_file_field_of_a_multipart_form()
    {
        using var http = Client(hub, OperatorKey);
        using var form = new MultipartFormDataContent { { Fixture("feedly-folders.opml"), "file", "subscriptions.opml" } };

        using var response = await http.PostAsync(new Uri("/api/opml", UriKind.Relative), form, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, (await ReadAsync(response)).GetProperty("added").GetInt32());
    }

    [Theory]
    [InlineData("not-opml-rss-feed.xml", "it is a feed (<rss>)")]
    [InlineData("xxe-external-entity.opml", "it declares a DTD")]
    public async Task Refuses_a_document_that_is_not_opml_with_the_reason(string fixture, string reason)
    {
        using var http = Client(hub, OperatorKey);

        using var response = await http.PostAsync(new Uri("/api/opml", UriKind.Relative), Fixture(fixture), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(reason, (await ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_body_of_another_media_type_with_415()
    {
        using var http = Client(hub, OperatorKey);

        using var response = await http.PostAsync(new Uri("/api/opml", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"), Cancellation);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("text/x-opml", (await ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_tags_as_folders_as_an_opml_attachment_without_archived_sources()
    {
        using var http = Client(hub, OperatorKey);
        using var imported = await http.PostAsync(new Uri("/api/opml", UriKind.Relative), Fixture("inoreader-categories.opml"), Cancellation);
        var guardian = await hub.WithDbAsync(db => db.Sources.SingleAsync(s => s.Name == "Guardian", Cancellation));
        using var removed = await http.DeleteAsync(new Uri($"/api/sources/{guardian.Id}", UriKind.Relative), Cancellation);

        using var response = await http.GetAsync(new Uri("/api/opml", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/x-opml; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment; filename=\"feedhub-sources.opml\"", response.Content.Headers.ContentDisposition?.ToString());
        var opml = XDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal("2.0", opml.Root!.Attribute("version")?.Value);
        Assert.Equal("FeedHub sources", opml.Root.Element("head")!.Element("title")!.Value);
        Assert.NotEmpty(opml.Root.Element("head")!.Element("dateCreated")!.Value);
        var body = opml.Root.Element("body")!;
        var folders = body.Elements("outline").Where(o => o.Attribute("xmlUrl") is null).ToDictionary(o => o.Attribute("text")!.Value);
        Assert.Equal(["Europe", "Favourites", "News", "Radio", "World"], folders.Keys);
        var bbc = Assert.Single(folders["News"].Elements("outline"));
        Assert.Equal("BBC World", bbc.Attribute("title")!.Value);
        Assert.Equal("rss", bbc.Attribute("type")!.Value);
        Assert.Equal("https://feeds.example.co.uk/news/world/rss.xml", bbc.Attribute("xmlUrl")!.Value);
        Assert.Equal("https://www.example.co.uk/news", bbc.Attribute("htmlUrl")!.Value);
        Assert.Single(folders["Favourites"].Elements("outline"));
        var untagged = Assert.Single(body.Elements("outline"), o => o.Attribute("xmlUrl") is not null);
        Assert.Equal("https://podcast.example.net/feed.xml", untagged.Attribute("xmlUrl")!.Value);
        Assert.DoesNotContain("www.example.com/world/rss", opml.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_export_imported_into_an_empty_feedhub_gives_the_same_urls_and_tags()
    {
        using var http = Client(hub, OperatorKey);
        foreach (var fixture in new[] { "feedly-folders.opml", "inoreader-categories.opml", "netnewswire-nested.opml" })
        {
            using var imported = await http.PostAsync(new Uri("/api/opml", UriKind.Relative), Fixture(fixture), Cancellation);
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        var exported = await http.GetByteArrayAsync(new Uri("/api/opml", UriKind.Relative), Cancellation);
        await using var empty = await StartHubAsync();
        using var emptyHttp = Client(empty, OperatorKey);
        using var content = new ByteArrayContent(exported);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/x-opml");
        using var reimported = await emptyHttp.PostAsync(new Uri("/api/opml", UriKind.Relative), content, Cancellation);

        Assert.Equal(HttpStatusCode.OK, reimported.StatusCode);
        Assert.Empty((await ReadAsync(reimported)).GetProperty("invalid").EnumerateArray());
        Assert.Equal(await UrlsAndTagsAsync(hub), await UrlsAndTagsAsync(empty));
        Assert.Equal(8, (await UrlsAndTagsAsync(empty)).Count);
    }

    [Fact]
    public async Task The_openapi_document_describes_both_endpoints_and_the_upload_types()
    {
        using var http = Client(hub, key: null);

        var document = await ReadAsync(await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancellation));

        var opml = document.GetProperty("paths").GetProperty("/api/opml");
        Assert.Equal("ExportOpml", opml.GetProperty("get").GetProperty("operationId").GetString());
        var import = opml.GetProperty("post");
        Assert.Equal("ImportOpml", import.GetProperty("operationId").GetString());
        var accepted = import.GetProperty("requestBody").GetProperty("content");
        Assert.True(accepted.TryGetProperty("text/x-opml", out _));
        Assert.True(accepted.GetProperty("multipart/form-data").GetProperty("schema").GetProperty("properties").TryGetProperty("file", out _));
        Assert.True(import.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty(OpmlApi.NdjsonType, out _));
    }

    private async Task<TestFeedHub> StartHubAsync()
    {
        var folder = Directory.CreateTempSubdirectory("feedhub-opml-api-").FullName;
        dataFolders.Add(folder);
        return await TestFeedHub.StartAsync(folder, new Dictionary<string, string?>
        {
            ["FeedHub:Roles"] = "api",
            ["FeedHub:ApiKeys:0:Name"] = "operator",
            ["FeedHub:ApiKeys:0:Hash"] = ApiKeyHash.Of(OperatorKey),
            ["FeedHub:ApiKeys:0:Role"] = "Operator",
            ["FeedHub:ApiKeys:1:Name"] = "reader",
            ["FeedHub:ApiKeys:1:Hash"] = ApiKeyHash.Of(ReaderKey),
            ["FeedHub:ApiKeys:1:Role"] = "ReadOnly",
        }, Cancellation);
    }

    private static async Task<SortedDictionary<string, string>> UrlsAndTagsAsync(TestFeedHub feedHub)
    {
        var sources = await feedHub.WithDbAsync(db => db.Sources.AsNoTracking().Where(s => s.ArchivedAt == null).ToListAsync(Cancellation));
        return new SortedDictionary<string, string>(
            sources.ToDictionary(s => s.Url, s => string.Join("|", s.Tags.Order(StringComparer.Ordinal))), StringComparer.Ordinal);
    }

    private static ByteArrayContent Fixture(string name)
    {
        var content = new ByteArrayContent(OpmlFixtures.Bytes(name));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/x-opml");
        return content;
    }

    private static HttpClient Client(TestFeedHub feedHub, string? key)
    {
        var http = new HttpClient { BaseAddress = feedHub.BaseAddress };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return http;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement.Clone();
        }
    }
}
