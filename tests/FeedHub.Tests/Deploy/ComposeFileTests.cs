using System.Text.RegularExpressions;
using Xunit;

namespace FeedHub.Tests.Deploy;

/// <summary>
/// deploy/docker-compose.yml read as Compose reads it (anchors and merge keys resolved). Running it needs a
/// Docker engine, which this machine lacks; these checks are what holds without one.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly object? Compose = Yaml.Load(RepositoryFiles.Read("deploy/docker-compose.yml"));

    private static readonly string[] FeedHubServices = ["migrate", "api", "worker"];

    private static readonly string[] AllServices = ["api", "consumer", "migrate", "rabbitmq", "sqlserver", "worker"];

    private static readonly string?[] WaitConditions = ["service_healthy", "service_completed_successfully"];

    private static IDictionary<object, object?> Services => Compose.At("services").AsMap("services");

    private static object? Service(string name) => Services.TryGetValue(name, out var service) ? service : throw new Xunit.Sdk.XunitException($"no service {name}");

    private static Dictionary<string, string> Environment(string service) => Service(service).At("environment").Strings($"{service}.environment");

    [Fact]
    public void Has_the_database_the_broker_the_three_feedhub_roles_and_the_consumer()
    {
        Assert.Equal(AllServices, Services.Keys.Cast<string>().Order());
        Assert.StartsWith("mcr.microsoft.com/mssql/server:2022", Service("sqlserver").Text("image"), StringComparison.Ordinal);
        Assert.Matches("^rabbitmq:[0-9.]+-management", Service("rabbitmq").Text("image"));
        Assert.Contains(Service("rabbitmq").At("ports").AsList("rabbitmq.ports").Cast<string>(), port => port.EndsWith(":15672", StringComparison.Ordinal));
    }

    [Fact]
    public void Server_data_lives_in_named_volumes()
    {
        var volumes = Compose.At("volumes").AsMap("volumes").Keys.Cast<string>().ToHashSet();
        foreach (var (service, path) in new[] { ("sqlserver", "/var/opt/mssql"), ("rabbitmq", "/var/lib/rabbitmq") })
        {
            var mount = Assert.Single(Service(service).At("volumes").AsList($"{service}.volumes").Cast<string>(), v => v.EndsWith(":" + path, StringComparison.Ordinal));
            Assert.Contains(mount.Split(':')[0], volumes);
        }
    }

    [Fact]
    public void Migrate_runs_once_after_the_database_is_healthy_and_the_services_wait_for_it()
    {
        Assert.Equal(["migrate"], Service("migrate").At("command").AsList("migrate.command").Cast<string>());
        Assert.Equal("no", Service("migrate").Text("restart"));
        Assert.Equal("service_healthy", Service("migrate").Text("depends_on", "sqlserver", "condition"));
        foreach (var service in new[] { "api", "worker" })
        {
            Assert.Equal("service_completed_successfully", Service(service).Text("depends_on", "migrate", "condition"));
            Assert.Equal("service_healthy", Service(service).Text("depends_on", "rabbitmq", "condition"));
            Assert.Equal("false", Environment(service)["FeedHub__Database__MigrateOnStart"]);
        }

        Assert.Equal("service_healthy", Service("consumer").Text("depends_on", "rabbitmq", "condition"));
    }

    [Fact]
    public void Every_dependency_waits_on_a_condition_the_other_service_can_meet()
    {
        foreach (var (name, service) in Services)
        {
            if (service.At("depends_on") is not { } dependsOn)
            {
                continue;
            }

            foreach (var (dependency, rule) in dependsOn.AsMap($"{name}.depends_on"))
            {
                var condition = rule.Text("condition");
                Assert.Contains(condition, WaitConditions);
                if (condition == "service_healthy")
                {
                    Assert.NotNull(Service((string)dependency).At("healthcheck", "test"));
                }
            }
        }
    }

    [Fact]
    public void One_api_and_two_clustered_workers()
    {
        Assert.Equal("api", Environment("api")["FeedHub__Roles"]);
        Assert.Null(Service("api").At("deploy", "replicas"));
        Assert.Contains(Service("api").At("ports").AsList("api.ports").Cast<string>(), port => port.EndsWith(":8080", StringComparison.Ordinal));

        Assert.Equal("worker", Environment("worker")["FeedHub__Roles"]);
        Assert.Equal("2", Service("worker").Text("deploy", "replicas"));
        Assert.Equal("true", Environment("worker")["FeedHub__Scheduler__Clustered"]);

        // Two replicas cannot both bind one host port.
        Assert.Null(Service("worker").At("ports"));
    }

    [Fact]
    public void FeedHub_services_use_sql_server_and_rabbitmq_by_their_service_names()
    {
        foreach (var service in FeedHubServices)
        {
            var environment = Environment(service);
            Assert.Equal("SqlServer", environment["FeedHub__Database__Provider"]);
            Assert.StartsWith("Server=sqlserver,1433;", environment["ConnectionStrings__FeedHub"], StringComparison.Ordinal);
            Assert.Equal("RabbitMq", environment["FeedHub__Bus__Transport"]);
            Assert.Equal("rabbitmq", environment["FeedHub__Bus__RabbitMq__Host"]);
            Assert.Equal("feedhub:local", Service(service).Text("image"));
            Assert.Equal("feedhub", Service(service).Text("build", "target"));
        }

        Assert.Equal("rabbitmq", Environment("consumer")["RabbitMq__Host"]);
    }

    [Fact]
    public void Every_feedhub_setting_is_one_the_service_reads()
    {
        foreach (var service in FeedHubServices)
        {
            foreach (var key in Environment(service).Keys)
            {
                Assert.True(FeedHubSettings.IsKnown(key), $"{service}: {key} ({FeedHubSettings.KeyOf(key)}) is not a FeedHub setting");
            }
        }

        // The check itself must refuse a misspelt key.
        Assert.False(FeedHubSettings.IsKnown("FeedHub__Scheduler__Clusterd"));
    }

    [Fact]
    public void Images_build_from_stages_of_the_dockerfile()
    {
        var stages = Dockerfile.Parse(RepositoryFiles.Read("deploy/Dockerfile")).Stages.Select(s => s.Name).ToHashSet();
        foreach (var (name, service) in Services)
        {
            if (service.At("build") is not { } build)
            {
                continue;
            }

            Assert.Equal("..", build.Text("context"));
            Assert.Equal("deploy/Dockerfile", build.Text("dockerfile"));
            Assert.Contains(build.Text("target"), stages);
        }

        Assert.Equal("consumer", Service("consumer").Text("build", "target"));
    }

    [Fact]
    public void Secrets_come_from_the_env_file_whose_example_defines_every_variable()
    {
        var text = RepositoryFiles.Read("deploy/docker-compose.yml");
        var used = Variable().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();
        var example = RepositoryFiles.Read("deploy/.env.example").Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line[..line.IndexOf('=', StringComparison.Ordinal)])
            .ToHashSet();
        Assert.Superset(new HashSet<string> { "MSSQL_SA_PASSWORD", "RABBITMQ_PASSWORD", "FEEDHUB_API_KEY_HASH" }, used);
        Assert.Subset(example, used);

        // No password is written into the compose file itself.
        foreach (var service in FeedHubServices)
        {
            Assert.Contains("Password=${MSSQL_SA_PASSWORD", Environment(service)["ConnectionStrings__FeedHub"], StringComparison.Ordinal);
            Assert.StartsWith("${", Environment(service)["FeedHub__Bus__RabbitMq__Password"], StringComparison.Ordinal);
            Assert.StartsWith("${", Environment(service)["FeedHub__ApiKeys__0__Hash"], StringComparison.Ordinal);
        }

        Assert.Contains("deploy/.env", RepositoryFiles.Read(".gitignore").Split('\n').Select(l => l.Trim()));
    }

    [GeneratedRegex(@"\$\{([A-Z0-9_]+)(?::?[-?][^}]*)?\}")]
    private static partial Regex Variable();
}
