using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using FeedHub.Contracts;
using Xunit;

namespace FeedHub.Tests.Deploy;

/// <summary>FeedHub.Contracts as outside services get it: a NuGet package with its docs and its versioning rule.</summary>
public sealed class ContractsPackageTests
{
    private const string Project = "src/FeedHub.Contracts/FeedHub.Contracts.csproj";

    private static readonly Assembly Contracts = typeof(FeedItemPublished).Assembly;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pack_gives_the_assembly_its_xml_docs_the_readme_and_the_version()
    {
        var output = Directory.CreateTempSubdirectory("feedhub-pack-").FullName;
        try
        {
            // The test project built FeedHub.Contracts in its own configuration, so packing needs no build.
            var configuration = typeof(ContractsPackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
            var (exit, log) = await RunAsync("dotnet", "pack", RepositoryFiles.PathOf(Project), "-c", configuration, "--no-build", "--nologo", "-o", output);
            Assert.True(exit == 0, $"dotnet pack failed:\n{log}");

            var version = XDocument.Parse(RepositoryFiles.Read(Project)).Descendants("Version").Single().Value;
            var package = Path.Combine(output, $"FeedHub.Contracts.{version}.nupkg");
            Assert.True(File.Exists(package), $"no {Path.GetFileName(package)} in the pack output");
            using var zip = ZipFile.OpenRead(package);
            var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
            Assert.Superset(new HashSet<string> { "lib/net10.0/FeedHub.Contracts.dll", "lib/net10.0/FeedHub.Contracts.xml", "README.md", "FeedHub.Contracts.nuspec" }, entries);

            XDocument nuspec;
            await using (var stream = zip.GetEntry("FeedHub.Contracts.nuspec")!.Open())
            {
                nuspec = await XDocument.LoadAsync(stream, LoadOptions.None, Cancellation);
            }

            var ns = nuspec.Root!.Name.Namespace;
            var metadata = nuspec.Root.Element(ns + "metadata")!;
            Assert.Equal("FeedHub.Contracts", metadata.Element(ns + "id")!.Value);
            Assert.Equal(version, metadata.Element(ns + "version")!.Value);
            Assert.Equal("Apache-2.0", metadata.Element(ns + "license")!.Value);
            Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
            Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value));

            // No package dependencies: a consumer takes nothing else of FeedHub with it.
            Assert.Empty(metadata.Descendants(ns + "dependency"));

            string readme;
            await using (var stream = zip.GetEntry("README.md")!.Open())
            using (var reader = new StreamReader(stream))
            {
                readme = await reader.ReadToEndAsync(Cancellation);
            }

            Assert.Contains("## Versioning rule", readme, StringComparison.Ordinal);
            Assert.Contains("Only add optional members", readme, StringComparison.Ordinal);
            Assert.Contains("Never rename or move a type", readme, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void Every_public_type_and_property_is_documented()
    {
        var docs = XDocument.Load(Path.ChangeExtension(Contracts.Location, ".xml"))
            .Descendants("member")
            .ToDictionary(m => m.Attribute("name")!.Value, m => m.Element("summary")?.Value.Trim() ?? "");
        var types = Contracts.GetExportedTypes();
        Assert.Equal(9, types.Length);
        foreach (var type in types)
        {
            Assert.False(string.IsNullOrEmpty(docs.GetValueOrDefault($"T:{type.FullName}")), $"{type} has no summary");
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                Assert.True(docs.ContainsKey($"P:{type.FullName}.{property.Name}"), $"{type.Name}.{property.Name} has no documentation");
            }
        }
    }

    [Fact]
    public void Contracts_depend_on_nothing_but_dotnet_and_show_nothing_to_feedhub()
    {
        Assert.All(Contracts.GetReferencedAssemblies(), reference => Assert.True(reference.Name is "System.Runtime" or "System.Collections" || reference.Name!.StartsWith("System.", StringComparison.Ordinal), reference.Name));
        Assert.Empty(Contracts.GetCustomAttributes<InternalsVisibleToAttribute>());
    }

    [Fact]
    public void Only_the_contracts_are_packable_and_the_example_consumer_references_only_them()
    {
        Assert.Equal("false", XDocument.Parse(RepositoryFiles.Read("Directory.Build.props")).Descendants("IsPackable").Single().Value);
        var packable = Directory.GetFiles(RepositoryFiles.Root, "*.csproj", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(path => XDocument.Load(path).Descendants("IsPackable").Any(p => p.Value == "true"))
            .Select(Path.GetFileName);
        Assert.Equal(["FeedHub.Contracts.csproj"], packable);

        var consumer = XDocument.Parse(RepositoryFiles.Read("src/FeedHub.ExampleConsumer/FeedHub.ExampleConsumer.csproj"));
        var reference = Assert.Single(consumer.Descendants("ProjectReference"));
        Assert.Equal("FeedHub.Contracts.csproj", Path.GetFileName(reference.Attribute("Include")!.Value.Replace('\\', '/')));
    }

    private static async Task<(int Exit, string Log)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Cancellation);
        var error = process.StandardError.ReadToEndAsync(Cancellation);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
