using System.CommandLine;
using System.Xml.Linq;
using FeedHub.Cli;
using FeedHub.Tests.Sources.Opml;
using Xunit;

namespace FeedHub.Tests.Cli;

/// <summary>`feedhub sources import|export` on a temporary SQLite database, configured the way an operator would: by argument.</summary>
public sealed class SourcesCommandTests : IDisposable
{
    private readonly string dataFolder = Directory.CreateTempSubdirectory("feedhub-sources-cli-").FullName;

    private string DatabaseArgument => $"--ConnectionStrings:FeedHub=Data Source={Path.Combine(dataFolder, "feedhub.db")}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataFolder, recursive: true);
    }

    [Fact]
    public async Task Imports_a_file_then_exports_it_to_stdout_with_folders()
    {
        var import = await RunAsync(["sources", "import", OpmlFixtures.PathOf("feedly-folders.opml"), DatabaseArgument]);
        var export = await RunAsync(["sources", "export", DatabaseArgument]);

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("4 feed outline(s): 4 added, 0 duplicate(s), 0 invalid", import.Output, StringComparison.Ordinal);
        Assert.Equal(0, export.ExitCode);
        var opml = XDocument.Parse(export.Output);
        var folder = Assert.Single(opml.Descendants("outline"), o => o.Attribute("text")?.Value == "Tin tức");
        Assert.Equal(2, folder.Elements("outline").Count());
        Assert.Equal("", export.Error);
    }

    [Fact]
    public async Task Reports_duplicates_and_invalid_outlines_and_still_exits_0()
    {
        await RunAsync(["sources", "import", OpmlFixtures.PathOf("netnewswire-nested.opml"), DatabaseArgument]);

        var again = await RunAsync(["sources", "import", OpmlFixtures.PathOf("netnewswire-nested.opml"), DatabaseArgument]);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("3 feed outline(s): 0 added, 1 duplicate(s), 2 invalid", again.Output, StringComparison.Ordinal);
        Assert.Contains("duplicate: https://www.nasa.example.gov/rss/dyn/breaking_news.rss is already source", again.Output, StringComparison.Ordinal);
        Assert.Contains("invalid: gopher://old.example.com/feed: url must be", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prints_progress_to_stderr_for_a_large_file()
    {
        var file = Path.Combine(dataFolder, "large.opml");
        await File.WriteAllTextAsync(file, OpmlFixtures.Generated(1000), TestContext.Current.CancellationToken);

        var run = await RunAsync(["sources", "import", file, DatabaseArgument]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("sources import: 500/1000 outlines", run.Error, StringComparison.Ordinal);
        Assert.Contains("1000 added", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_the_export_to_the_output_file()
    {
        await RunAsync(["sources", "import", OpmlFixtures.PathOf("inoreader-categories.opml"), DatabaseArgument]);
        var file = Path.Combine(dataFolder, "out.opml");

        var run = await RunAsync(["sources", "export", "--output", file, DatabaseArgument]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains("https://podcast.example.net/feed.xml", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-opml-rss-feed.xml", "is not OPML: it is a feed (<rss>)")]
    [InlineData("xxe-external-entity.opml", "is not OPML: it declares a DTD")]
    [InlineData("no-such-file.opml", "cannot read")]
    public async Task Refuses_input_that_is_not_opml_with_exit_2_and_one_line(string fixture, string reason)
    {
        var run = await RunAsync(["sources", "import", OpmlFixtures.PathOf(fixture), DatabaseArgument]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Refuses_an_output_file_it_cannot_write_with_exit_2()
    {
        var run = await RunAsync(["sources", "export", "--output", Path.Combine(dataFolder, "missing-folder", "out.opml"), DatabaseArgument]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("sources export: cannot write", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_without_a_file_is_a_bad_argument()
    {
        Assert.Equal(FeedHubCommandLine.BadArguments, await FeedHubCommandLine.InvokeAsync(["sources", "import"]));
    }

    private static async Task<CommandRun> RunAsync(string[] args)
    {
        var root = new RootCommand { SourcesCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);

        return new CommandRun(exitCode, output.ToString(), error.ToString());
    }

    private sealed record CommandRun(int ExitCode, string Output, string Error);
}
