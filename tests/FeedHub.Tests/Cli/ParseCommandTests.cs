using System.CommandLine;
using System.Text.Json;
using FeedHub.Cli;
using FeedHub.Fetching;
using FeedHub.Tests.Parsing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace FeedHub.Tests.Cli;

public sealed class ParseCommandTests
{
    private static readonly string Vietnamese = Fixture("rss20-vnexpress-vietnamese.xml");
    private static readonly string Malformed = Fixture("unknown-broken-root-tag.xml");
    private static readonly string Html = Fixture("html-page-advertising-feeds.xml");

    [Fact]
    public async Task Prints_one_json_line_per_input_and_exits_0_when_all_are_feeds()
    {
        var run = await RunAsync(["parse", "--json", "--timezone", "Asia/Ho_Chi_Minh", Vietnamese, Fixture("atom10-relative-links.xml")]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, run.Lines.Length);
        Assert.Equal("", run.Error);
        using var first = JsonDocument.Parse(run.Lines[0]);
        Assert.Equal("rss20", first.RootElement.GetProperty("format").GetString());
        Assert.Equal(Vietnamese, first.RootElement.GetProperty("file").GetString());
        Assert.Equal(JsonValueKind.Null, first.RootElement.GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task Writes_vietnamese_text_unescaped()
    {
        var run = await RunAsync(["parse", "--json", Vietnamese]);

        Assert.Contains("Hà Nội công bố lộ trình", run.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_a_bad_input_and_still_parses_the_others_then_exits_2()
    {
        var run = await RunAsync(["parse", "--json", Malformed, Vietnamese, Html]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(3, run.Lines.Length);
        using var malformed = JsonDocument.Parse(run.Lines[0]);
        Assert.StartsWith("malformed XML", malformed.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, malformed.RootElement.GetProperty("items").GetArrayLength());
        using var html = JsonDocument.Parse(run.Lines[2]);
        Assert.Equal("html", html.RootElement.GetProperty("format").GetString());
        var error = html.RootElement.GetProperty("error").GetString();
        Assert.Contains("https://tuoitre.example.vn/atom.xml", error, StringComparison.Ordinal);
        Assert.DoesNotContain("file:", error, StringComparison.Ordinal);
        Assert.Equal(2, run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Uses_the_configured_default_timezone()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [ParseCommand.DefaultTimeZoneKey] = "Asia/Ho_Chi_Minh" })
            .Build();

        var run = await RunAsync(["parse", "--json", Vietnamese], configuration: configuration);

        Assert.Contains("read as Asia/Ho_Chi_Minh", run.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_zone_less_dates_as_utc_by_default()
    {
        var run = await RunAsync(["parse", "--json", Vietnamese]);

        Assert.Contains("read as UTC", run.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_an_unknown_timezone_with_exit_2()
    {
        var run = await RunAsync(["parse", "--timezone", "Mars/Olympus_Mons", Vietnamese]);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Lines);
        Assert.Contains("Mars/Olympus_Mons", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_call_without_inputs_with_exit_2()
    {
        var run = await RunAsync(["parse", "--json"]);

        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task Reports_a_missing_file_as_exit_2()
    {
        var run = await RunAsync(["parse", "--json", "no-such-feed.xml"]);

        Assert.Equal(2, run.ExitCode);
        using var line = JsonDocument.Parse(Assert.Single(run.Lines));
        Assert.StartsWith("cannot read file", line.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loads_urls_through_the_fetch_delegate_and_resolves_against_the_final_url()
    {
        var body = await File.ReadAllBytesAsync(Fixture("rss20-podcast-enclosures.xml"), TestContext.Current.CancellationToken);
        Uri? requested = null;
        Task<FetchResult> Fetch(Uri url, CancellationToken _)
        {
            requested = url;
            return Task.FromResult<FetchResult>(new FetchResult.Fetched(body, "application/rss+xml", CacheValidators.None, new Uri("https://podcast.example.net/feed.xml"), 200));
        }

        var run = await RunAsync(["parse", "--json", "https://podcast.example.net/feed"], Fetch);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(new Uri("https://podcast.example.net/feed"), requested);
        Assert.Contains("\"file\":\"https://podcast.example.net/feed\"", run.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_a_failed_fetch_as_exit_2()
    {
        static Task<FetchResult> Fetch(Uri url, CancellationToken _) =>
            Task.FromResult<FetchResult>(new FetchResult.Failed(FetchFailure.NotFound, "HTTP 404 Not Found", 404));

        var run = await RunAsync(["parse", "--json", "https://gone.example/feed"], Fetch);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("NotFound", run.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prints_a_short_summary_without_json()
    {
        var run = await RunAsync(["parse", Vietnamese]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"Tin mới nhất - VnExpress RSS\", rss20, 4 item(s)", run.Lines[0], StringComparison.Ordinal);
        Assert.Contains(run.Lines, l => l.Contains("warning:", StringComparison.Ordinal));
    }

    [Fact]
    public void Writes_timestamps_in_utc_with_fractions_only_when_present()
    {
        Assert.Equal("2026-01-19T06:35:00Z", ParseJsonWriter.Timestamp(new DateTimeOffset(2026, 1, 19, 13, 35, 0, TimeSpan.FromHours(7))));
        Assert.Equal("2026-01-19T06:35:00.25Z", ParseJsonWriter.Timestamp(new DateTimeOffset(2026, 1, 19, 6, 35, 0, 250, TimeSpan.Zero)));
    }

    private static string Fixture(string name) => Path.Combine(ParsingFixtures.Directory, name);

    private static async Task<CommandRun> RunAsync(
        string[] args, Func<Uri, CancellationToken, Task<FetchResult>>? fetch = null, IConfiguration? configuration = null)
    {
        fetch ??= (_, _) => throw new InvalidOperationException("tests never touch the network");
        var root = new RootCommand { ParseCommand.Create(fetch, new FakeTimeProvider(ParsingFixtures.DefaultFetchedAt), configuration ?? new ConfigurationBuilder().Build()) };
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        return new CommandRun(exitCode, lines, error.ToString());
    }

    private sealed record CommandRun(int ExitCode, string[] Lines, string Error);
}
