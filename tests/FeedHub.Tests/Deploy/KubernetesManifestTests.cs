using System.Diagnostics;
using Xunit;

namespace FeedHub.Tests.Deploy;

/// <summary>
/// deploy/kubernetes: every manifest parsed, and the kustomization rendered by kubectl where it is installed
/// (no cluster is needed to render). Applying them needs a cluster, which this machine lacks.
/// </summary>
public sealed class KubernetesManifestTests
{
    private const string Folder = "deploy/kubernetes";

    private static readonly List<IDictionary<object, object?>> Resources = LoadResources();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static IDictionary<object, object?> Resource(string kind, string name) =>
        Resources.SingleOrDefault(r => r.Text("kind") == kind && r.Text("metadata", "name") == name)
        ?? throw new Xunit.Sdk.XunitException($"no {kind} {name} in {Folder}");

    private static IEnumerable<IDictionary<object, object?>> Deployments => Resources.Where(r => r.Text("kind") == "Deployment");

    private static Dictionary<string, string> ConfigMap => Resource("ConfigMap", "feedhub-config").At("data").Strings("ConfigMap data");

    private static IEnumerable<IDictionary<object, object?>> Containers(IDictionary<object, object?> deployment, string list = "containers") =>
        deployment.At("spec", "template", "spec", list).Maps(list);

    [Fact]
    public void Kustomization_lists_every_manifest_and_only_those()
    {
        var kustomization = Yaml.Load(RepositoryFiles.Read($"{Folder}/kustomization.yaml"));
        var listed = kustomization.At("resources").AsList("resources").Cast<string>().Order().ToList();
        var files = Directory.GetFiles(RepositoryFiles.PathOf(Folder), "*.yaml").Select(f => Path.GetFileName(f)!).Where(f => f != "kustomization.yaml").Order().ToList();
        Assert.Equal(files, listed);
    }

    [Fact]
    public void Api_and_worker_deployments_run_their_roles()
    {
        var api = Resource("Deployment", "feedhub-api");
        var worker = Resource("Deployment", "feedhub-worker");
        Assert.Equal("api", EnvironmentValue(Containers(api).Single(), "FeedHub__Roles"));
        Assert.Equal("worker", EnvironmentValue(Containers(worker).Single(), "FeedHub__Roles"));

        // More than one worker is only safe with the shared, clustered schedule.
        Assert.True(int.Parse(worker.Text("spec", "replicas")!, System.Globalization.CultureInfo.InvariantCulture) >= 2);
        Assert.Equal("true", ConfigMap["FeedHub__Scheduler__Clustered"]);
        Assert.Equal("SqlServer", ConfigMap["FeedHub__Database__Provider"]);
        Assert.Equal("RabbitMq", ConfigMap["FeedHub__Bus__Transport"]);
    }

    [Fact]
    public void Containers_are_probed_on_healthz_and_readyz_at_their_http_port()
    {
        foreach (var deployment in Deployments)
        {
            foreach (var container in Containers(deployment))
            {
                var what = $"{deployment.Text("metadata", "name")}/{container.Text("name")}";
                Assert.Equal("/healthz", container.Text("livenessProbe", "httpGet", "path"));
                Assert.Equal("/readyz", container.Text("readinessProbe", "httpGet", "path"));
                var port = Assert.Single(container.At("ports").Maps($"{what} ports"));
                Assert.Equal("8080", port.Text("containerPort"));
                foreach (var probe in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
                {
                    Assert.Equal(port.Text("name"), container.Text(probe, "httpGet", "port"));
                }
            }
        }
    }

    [Fact]
    public void Configuration_comes_from_the_config_map_and_secrets_from_the_secret()
    {
        var secretKeys = Resource("Secret", "feedhub-secrets").At("stringData").Strings("Secret stringData").Keys.ToHashSet<string?>();
        Assert.Superset(new HashSet<string?> { "ConnectionStrings__FeedHub", "FeedHub__Bus__RabbitMq__Password", "FeedHub__ApiKeys__0__Hash" }, secretKeys);
        foreach (var deployment in Deployments)
        {
            foreach (var container in Containers(deployment).Concat(Containers(deployment, "initContainers")))
            {
                Assert.Equal("feedhub-config", Assert.Single(container.At("envFrom").Maps("envFrom")).Text("configMapRef", "name"));
                foreach (var variable in container.At("env").Maps("env"))
                {
                    if (variable.At("valueFrom", "secretKeyRef") is { } reference)
                    {
                        Assert.Equal("feedhub-secrets", reference.Text("name"));
                        Assert.Contains(reference.Text("key"), secretKeys);
                    }
                }
            }
        }

        // Nothing secret in the ConfigMap.
        Assert.DoesNotContain(ConfigMap.Keys, key => key.Contains("Password", StringComparison.OrdinalIgnoreCase) || key.StartsWith("ConnectionStrings", StringComparison.Ordinal) || key.EndsWith("Hash", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_setting_is_one_the_service_reads()
    {
        var keys = ConfigMap.Keys
            .Concat(Resource("Secret", "feedhub-secrets").At("stringData").Strings("Secret stringData").Keys)
            .Concat(Deployments.SelectMany(d => Containers(d)).SelectMany(c => c.At("env").Maps("env")).Select(v => v.Text("name")!));
        foreach (var key in keys)
        {
            Assert.True(FeedHubSettings.IsKnown(key), $"{key} ({FeedHubSettings.KeyOf(key)}) is not a FeedHub setting");
        }
    }

    [Fact]
    public void Each_pod_migrates_first_and_the_service_does_not_migrate_again()
    {
        foreach (var deployment in Deployments)
        {
            var init = Assert.Single(Containers(deployment, "initContainers"));
            Assert.Equal(["migrate"], init.At("args").AsList("args").Cast<string>());
            Assert.Equal(Containers(deployment).Single().Text("image"), init.Text("image"));
        }

        Assert.Equal("false", ConfigMap["FeedHub__Database__MigrateOnStart"]);
    }

    [Fact]
    public void Pods_run_as_the_images_unprivileged_user()
    {
        foreach (var deployment in Deployments)
        {
            var pod = deployment.At("spec", "template", "spec");
            Assert.Equal("true", pod.Text("securityContext", "runAsNonRoot"));
            Assert.Equal("1654", pod.Text("securityContext", "runAsUser"));
            foreach (var container in Containers(deployment).Concat(Containers(deployment, "initContainers")))
            {
                Assert.Equal("false", container.Text("securityContext", "allowPrivilegeEscalation"));
            }
        }
    }

    [Fact]
    public void Disruption_budgets_and_the_service_select_the_pods_they_mean()
    {
        var budgets = Resources.Where(r => r.Text("kind") == "PodDisruptionBudget").ToList();
        Assert.Equal(2, budgets.Count);
        foreach (var deployment in Deployments)
        {
            var labels = deployment.At("spec", "template", "metadata", "labels").Strings("pod labels");
            Assert.Equal(deployment.At("spec", "selector", "matchLabels").Strings("selector"), labels);
            Assert.Single(budgets, b => Selects(b.At("spec", "selector", "matchLabels").Strings("PDB selector"), labels));
        }

        var service = Resource("Service", "feedhub-api");
        var apiLabels = Resource("Deployment", "feedhub-api").At("spec", "template", "metadata", "labels").Strings("pod labels");
        Assert.True(Selects(service.At("spec", "selector").Strings("service selector"), apiLabels));
        Assert.False(Selects(service.At("spec", "selector").Strings("service selector"), Resource("Deployment", "feedhub-worker").At("spec", "template", "metadata", "labels").Strings("pod labels")));
        Assert.Equal("http", Assert.Single(service.At("spec", "ports").Maps("ports")).Text("targetPort"));
    }

    [Fact]
    public async Task Kustomize_renders_every_resource_into_the_namespace()
    {
        var (exit, output, error) = await RunKubectlAsync("kustomize", RepositoryFiles.PathOf(Folder));
        Assert.True(exit == 0, $"kubectl kustomize failed: {error}");
        var rendered = Yaml.LoadAll(output).Select((d, i) => d.AsMap($"document {i}")).ToList();
        Assert.Equal(Resources.Count, rendered.Count);
        foreach (var resource in rendered.Where(r => r.Text("kind") != "Namespace"))
        {
            Assert.Equal("feedhub", resource.Text("metadata", "namespace"));
            Assert.Equal("feedhub", resource.Text("metadata", "labels", "app.kubernetes.io/part-of"));
        }

        foreach (var deployment in rendered.Where(r => r.Text("kind") == "Deployment"))
        {
            Assert.All(Containers(deployment).Concat(Containers(deployment, "initContainers")), c => Assert.Equal("feedhub:1.0.0", c.Text("image")));
        }
    }

    private static string? EnvironmentValue(IDictionary<object, object?> container, string name) =>
        container.At("env").Maps("env").SingleOrDefault(v => v.Text("name") == name)?.Text("value");

    private static bool Selects(Dictionary<string, string> selector, Dictionary<string, string> labels) =>
        selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);

    private static List<IDictionary<object, object?>> LoadResources() =>
        [.. Directory.GetFiles(RepositoryFiles.PathOf(Folder), "*.yaml")
            .Where(file => Path.GetFileName(file) != "kustomization.yaml")
            .SelectMany(file => Yaml.LoadAll(File.ReadAllText(file)).Select((document, index) => document.AsMap($"{Path.GetFileName(file)} document {index}")))];

    private static async Task<(int Exit, string Output, string Error)> RunKubectlAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("kubectl is not installed; CI renders the manifests with it (GitHub's runners have it).");
            }

            Assert.Skip("kubectl is not installed; install it to render deploy/kubernetes.");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(Cancellation);
            var error = process.StandardError.ReadToEndAsync(Cancellation);
            await process.WaitForExitAsync(Cancellation);
            return (process.ExitCode, await output, await error);
        }
    }
}
