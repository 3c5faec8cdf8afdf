using System.CommandLine;
using System.Text.Json;
using FeedHub.Cli;
using FeedHub.Fetching;
using FeedHub.Tests.Extracting;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace FeedHub.Tests.Cli;

public sealed class ExtractCommandTests
{
    private static readonly string VnExpress = Path.Combine(ExtractionCorpus.Directory, "vnexpress-inbody-related.html");

    [Fact]
    public async Task Prints_the_article_as_json_with_exactly_the_contract_names()
    {
        var run = await RunAsync(["extract", "--json", "--url", "https://vnexpress.example.vn/bai-viet.html", VnExpress]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(["title", "author", "published", "text", "html", "language"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Hà Nội mở rộng vùng cấm xe máy chạy xăng trong vành đai 1", json.RootElement.GetProperty("title").GetString());
        Assert.Equal("2026-01-19T06:35:00Z", json.RootElement.GetProperty("published").GetString());
        Assert.Contains("https://vnexpress.example.vn/2026/01/19/xe-may.jpg", json.RootElement.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Đọc nhiều", json.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("Hà Nội", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetches_a_url_argument_and_resolves_against_the_final_url()
    {
        var body = await File.ReadAllBytesAsync(VnExpress, TestContext.Current.CancellationToken);
        Uri? requested = null;
        Task<FetchResult> Fetch(Uri url, CancellationToken _)
        {
            requested = url;
            return Task.FromResult<FetchResult>(new FetchResult.Fetched(body, "text/html; charset=utf-8", CacheValidators.None, new Uri("https://vnexpress.example.vn/final.html"), 200));
        }

        var run = await RunAsync(["extract", "--json", "https://vnexpress.example.vn/short"], Fetch);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(new Uri("https://vnexpress.example.vn/short"), requested);
        Assert.Contains("https://vnexpress.example.vn/2026/01/19/xe-may.jpg", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prints_title_and_text_without_json()
    {
        var run = await RunAsync(["extract", VnExpress]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Hà Nội mở rộng vùng cấm xe máy", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-page.html")]
    [InlineData("--url", "not a url", "page.html")]
    [InlineData]
    public async Task Refuses_bad_input_with_exit_2_and_a_one_line_reason(params string[] args)
    {
        var run = await RunAsync(["extract", .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Reports_a_failed_fetch_as_exit_2()
    {
        static Task<FetchResult> Fetch(Uri url, CancellationToken _) =>
            Task.FromResult<FetchResult>(new FetchResult.Failed(FetchFailure.NotFound, "HTTP 404 Not Found", 404));

        var run = await RunAsync(["extract", "https://gone.example/page"], Fetch);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("NotFound", run.Error, StringComparison.Ordinal);
    }

    private static async Task<CommandRun> RunAsync(string[] args, Func<Uri, CancellationToken, Task<FetchResult>>? fetch = null)
    {
        fetch ??= (_, _) => throw new InvalidOperationException("tests never touch the network");
        var root = new RootCommand { ExtractCommand.Create(fetch, new ConfigurationBuilder().Build()) };
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);

        return new CommandRun(exitCode, output.ToString().Trim(), error.ToString());
    }

    private sealed record CommandRun(int ExitCode, string Output, string Error);
}
