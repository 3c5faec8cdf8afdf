using System.Diagnostics;
using System.Xml.Linq;
using FeedHub.Tests.EndToEnd;
using Xunit;

namespace FeedHub.Tests.Deploy;

public sealed class DockerfileTests
{
    private static readonly Dockerfile File = Dockerfile.Parse(RepositoryFiles.Read("deploy/Dockerfile"));

    private static readonly string[] RootUsers = ["root", "0"];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public void Builds_with_the_sdk_and_runs_on_the_aspnet_image()
    {
        Assert.True(File.Stages.Count >= 2, "a multi-stage build");
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", File.Stages[0].BaseImage);
        foreach (var target in new[] { File.Final, File.Stage("consumer") })
        {
            var image = File.Lineage(target).Last().BaseImage;
            Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", image);
            Assert.DoesNotContain(File.Lineage(target), stage => stage.All("RUN").Any(run => run.Arguments.Contains("dotnet publish", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Final_image_is_feedhub_and_its_entrypoint_runs_the_feedhub_assembly()
    {
        Assert.Equal("feedhub", File.Final.Name);
        var assemblyName = XDocument.Parse(RepositoryFiles.Read("src/FeedHub/FeedHub.csproj")).Descendants("AssemblyName").Single().Value;
        Assert.Equal(["dotnet", $"{assemblyName}.dll"], File.Final.Last("ENTRYPOINT")!.ExecForm());
        Assert.Equal(["serve"], File.Final.Last("CMD")!.ExecForm());

        // The consumer's assembly is named after its project.
        Assert.Equal(["dotnet", "FeedHub.ExampleConsumer.dll"], File.Stage("consumer").Last("ENTRYPOINT")!.ExecForm());
    }

    [Fact]
    public void Both_images_run_as_an_unprivileged_user()
    {
        foreach (var target in new[] { File.Final, File.Stage("consumer") })
        {
            var user = File.Lineage(target).Select(stage => stage.Last("USER")).FirstOrDefault(u => u is not null);
            Assert.NotNull(user);
            Assert.DoesNotContain(user.Arguments.Split(':')[0], RootUsers);

            // Files copied in after USER would belong to the app user, who could then rewrite its own program.
            var instructions = target.Instructions;
            Assert.True(instructions.FindIndex(i => i.Keyword == "USER") > instructions.FindLastIndex(i => i.Keyword is "COPY" or "RUN"), $"USER comes last in stage {target.Name}");
        }
    }

    [Fact]
    public void Every_copied_path_exists_in_the_build_context()
    {
        var copies = File.Stages.SelectMany(stage => stage.All("COPY").Concat(stage.All("ADD")))
            .Where(copy => !copy.Flags.Any(flag => flag.StartsWith("--from=", StringComparison.Ordinal)))
            .ToList();
        Assert.NotEmpty(copies);
        var ignored = RepositoryFiles.Read(".dockerignore").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        foreach (var copy in copies)
        {
            foreach (var source in copy.Words.SkipLast(1))
            {
                Assert.True(RepositoryFiles.Exists(source), $"COPY {source}: no such file in the repository (the build context is its root).");
                Assert.DoesNotContain(source.TrimEnd('/') + "/", ignored);
            }
        }

        // The build reads these; without them it would restore and analyse differently from the repository's build.
        var copied = copies.SelectMany(c => c.Words.SkipLast(1)).ToHashSet();
        Assert.Superset(new HashSet<string> { "Directory.Build.props", "Directory.Packages.props", "BannedSymbols.txt", "global.json", "src/" }, copied);
    }

    [Fact]
    public void Listens_on_every_address_at_the_exposed_port_with_globalization_on()
    {
        var environment = string.Join(' ', File.Final.All("ENV").Select(e => e.Arguments));
        Assert.Contains("ASPNETCORE_URLS=http://+:8080", environment, StringComparison.Ordinal);
        Assert.Contains("HEALTHCHECK_PORT=8080", environment, StringComparison.Ordinal);
        Assert.Equal("8080", File.Final.Last("EXPOSE")!.Arguments);

        // ICU must stay on for Vietnamese text: neither the image nor the build may switch to invariant mode.
        var all = string.Join(' ', File.Stages.SelectMany(s => s.Instructions).Select(i => i.Arguments));
        Assert.DoesNotContain("GLOBALIZATION_INVARIANT=true", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("GLOBALIZATION_INVARIANT=1", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("InvariantGlobalization=true", all, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("false", XDocument.Parse(RepositoryFiles.Read("Directory.Build.props")).Descendants("InvariantGlobalization").Single().Value);
    }

    [Fact]
    public async Task Health_check_passes_while_feedhub_serves_and_fails_once_it_stops()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("The health check is a bash command for the Linux image.");
        }

        var healthcheck = File.Final.Last("HEALTHCHECK");
        Assert.NotNull(healthcheck);
        var command = healthcheck.ExecForm(after: "CMD");
        Assert.Equal(["bash", "-c"], command.Take(2));
        Assert.Contains("/healthz", command[2], StringComparison.Ordinal);

        var folder = Directory.CreateTempSubdirectory("feedhub-healthcheck-").FullName;
        try
        {
            int port;
            await using (var hub = await TestFeedHub.StartAsync(folder, new Dictionary<string, string?>(), Cancellation))
            {
                port = hub.BaseAddress.Port;
                Assert.Equal(0, await RunAsync(command, port));
            }

            Assert.NotEqual(0, await RunAsync(command, port));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> RunAsync(IReadOnlyList<string> command, int port)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HEALTHCHECK_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }
}
