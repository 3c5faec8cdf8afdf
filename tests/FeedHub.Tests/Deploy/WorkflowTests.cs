using System.Text.RegularExpressions;
using Xunit;

namespace FeedHub.Tests.Deploy;

/// <summary>The GitHub workflows, parsed: the jobs and steps CI and releases rely on exist and run what they say.</summary>
public sealed partial class WorkflowTests
{
    private static readonly object? Ci = Yaml.Load(RepositoryFiles.Read(".github/workflows/ci.yml"));

    private static readonly object? Release = Yaml.Load(RepositoryFiles.Read(".github/workflows/release.yml"));

    private static IEnumerable<IDictionary<object, object?>> Steps(object? workflow, string job) =>
        workflow.At("jobs", job, "steps").Maps($"{job}.steps");

    private static IEnumerable<string> Runs(object? workflow, string? job = null) =>
        workflow.At("jobs").AsMap("jobs").Keys.Cast<string>()
            .Where(name => job is null || name == job)
            .SelectMany(name => Steps(workflow, name))
            .Select(step => step.Text("run"))
            .OfType<string>();

    private static string? RunOfStep(object? workflow, string job, string name) =>
        Steps(workflow, job).SingleOrDefault(step => step.Text("name") == name)?.Text("run");

    [Fact]
    public void Ci_runs_on_pushes_to_main_and_on_pull_requests()
    {
        Assert.Equal(["main"], Ci.At("on", "push", "branches").AsList("branches").Cast<string>());
        Assert.True(Ci.At("on").AsMap("on").ContainsKey("pull_request"));
        Assert.Equal("true", Ci.Text("env", "CI"));
    }

    [Fact]
    public void Ci_checks_format_builds_and_runs_the_unit_tests()
    {
        Assert.Equal("dotnet format --verify-no-changes", RunOfStep(Ci, "build", "Format check"));
        Assert.Equal("dotnet build FeedHub.sln -c Release", RunOfStep(Ci, "build", "Build"));
        Assert.Contains(Runs(Ci, "build"), run => run.StartsWith("dotnet test tests/FeedHub.Tests ", StringComparison.Ordinal));
    }

    [Fact]
    public void Integration_tests_get_postgresql_rabbitmq_and_sql_server()
    {
        var services = Ci.At("jobs", "integration", "services").AsMap("services");
        Assert.StartsWith("postgres:", services["postgres"].Text("image"), StringComparison.Ordinal);
        Assert.StartsWith("rabbitmq:", services["rabbitmq"].Text("image"), StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/mssql/server:2022", services["sqlserver"].Text("image"), StringComparison.Ordinal);
        var environment = Ci.At("jobs", "integration", "env").Strings("integration.env");
        Assert.Superset(new HashSet<string> { "FEEDHUB_TEST_POSTGRES", "FEEDHUB_TEST_RABBITMQ", "FEEDHUB_TEST_RABBITMQCTL", "FEEDHUB_TEST_SQLSERVER" }, environment.Keys.ToHashSet());
        Assert.Equal("true", environment["FEEDHUB_REQUIRE_SQLSERVER"]);
        Assert.Contains(Runs(Ci, "integration"), run => run.StartsWith("dotnet test tests/FeedHub.IntegrationTests ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_browser_test_runs_with_the_runners_chrome()
    {
        Assert.Equal("/usr/bin/google-chrome", Ci.Text("jobs", "browser", "env", "FEEDHUB_TEST_CHROMIUM"));
        Assert.Contains(Runs(Ci, "browser"), run => run.StartsWith("dotnet test tests/FeedHub.BrowserTests ", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_test_project_of_the_solution_is_run_by_ci()
    {
        var solution = RepositoryFiles.Read("FeedHub.sln");
        var testProjects = SolutionProject().Matches(solution)
            .Select(m => m.Groups[1].Value.Replace('\\', '/'))
            .Where(path => RepositoryFiles.Read(path).Contains("Microsoft.NET.Test.Sdk", StringComparison.Ordinal))
            .Select(path => path[..path.LastIndexOf('/')])
            .ToList();
        Assert.Equal(3, testProjects.Count);
        var tested = Runs(Ci).Select(run => DotnetTest().Match(run)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Subset(tested, testProjects.ToHashSet());

        // Each test job keeps its results.
        foreach (var job in new[] { "build", "integration", "browser" })
        {
            Assert.Contains(Steps(Ci, job), step => step.Text("uses")?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true && step.Text("if") == "always()");
        }
    }

    [Fact]
    public void Release_builds_both_images_and_packs_the_contracts_on_a_version_tag()
    {
        Assert.Equal(["v*"], Release.At("on", "push", "tags").AsList("tags").Cast<string>());
        var stages = Dockerfile.Parse(RepositoryFiles.Read("deploy/Dockerfile")).Stages.Select(s => s.Name).ToHashSet();
        var builds = Runs(Release, "container-image").Where(run => run.Contains("docker buildx build -f deploy/Dockerfile", StringComparison.Ordinal)).ToList();
        foreach (var target in new[] { "feedhub", "consumer" })
        {
            Assert.Contains(target, stages);
            Assert.Single(builds, run => run.Contains($"--target {target} ", StringComparison.Ordinal));
        }

        Assert.Equal("dotnet pack src/FeedHub.Contracts -c Release -o artifacts/packages", RunOfStep(Release, "contracts-package", "Pack"));
        Assert.Equal(["contracts-package", "container-image"], Release.At("jobs", "github-release", "needs").AsList("needs").Cast<string>());
    }

    [Fact]
    public void Every_action_is_pinned_to_a_major_version()
    {
        foreach (var workflow in new[] { Ci, Release })
        {
            foreach (var job in workflow.At("jobs").AsMap("jobs").Keys.Cast<string>())
            {
                foreach (var uses in Steps(workflow, job).Select(step => step.Text("uses")).OfType<string>())
                {
                    Assert.Matches(@"^[\w-]+/[\w-]+@v\d+$", uses);
                }
            }
        }
    }

    [GeneratedRegex(@"Project\(""\{[^}]+\}""\) = ""[^""]+"", ""([^""]+\.csproj)""")]
    private static partial Regex SolutionProject();

    [GeneratedRegex(@"^dotnet test (tests/[\w.]+) ")]
    private static partial Regex DotnetTest();
}
