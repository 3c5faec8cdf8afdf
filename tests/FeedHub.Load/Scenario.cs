using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace FeedHub.Load;

/// <summary>
/// One measured run: a fresh PostgreSQL database, the farm, one feedhub process on RabbitMQ, an outside consumer;
/// N sources imported by OPML; samples taken while it runs; a report at the end. Stops what it started and drops its database.
/// </summary>
internal static class Scenario
{
    public static async Task<int> RunAsync(LoadArguments args)
    {
        var sources = args.Int("sources", 1000);
        var interval = args.Time("interval", TimeSpan.FromMinutes(5));
        var intervals = args.Int("intervals", 2);
        var change = args.Double("change", 0.1);
        var spread = args.Time("first-poll-spread", interval);
        var farmPort = args.Int("farm-port", 58080);
        var hubPort = args.Int("feedhub-port", 58090);
        var postgres = args.Text("postgres", "Host=127.0.0.1;Port=55433;Username=postgres");
        var database = args.Text("database", $"load_{sources}");
        var rabbitVhost = args.Text("rabbitmq-vhost", "load");
        var feedhubDll = Path.GetFullPath(args.Text("feedhub", Path.Combine("src", "FeedHub", "bin", "Release", "net10.0", "feedhub.dll")));
        var output = Path.GetFullPath(args.Text("out", Path.Combine(Path.GetTempPath(), "feedhub-load", $"{database}-{TimeProvider.System.GetUtcNow():yyyyMMddHHmmss}")));
        var profileAfter = args.Has("profile-after") ? args.Time("profile-after", TimeSpan.Zero) : (TimeSpan?)null;
        Directory.CreateDirectory(output);
        if (!File.Exists(feedhubDll))
        {
            Console.Error.WriteLine($"scenario: {feedhubDll} not found; build src/FeedHub in Release first");
            return 2;
        }

        var run = intervals * interval;
        var tail = TimeSpan.FromSeconds(45);
        var self = typeof(Scenario).Assembly.Location;
        Console.WriteLine($"scenario: {sources} sources, every {interval:c}, {change:P0} changing per interval, {intervals} interval(s); output in {output}");
        Console.WriteLine($"scenario: load average at start: {File.ReadAllText("/proc/loadavg").Trim()}");

        var adminConnection = new NpgsqlConnectionStringBuilder(postgres) { Database = "postgres", Pooling = false }.ConnectionString;
        var hubConnection = new NpgsqlConnectionStringBuilder(postgres) { Database = database, Pooling = true, MaxPoolSize = 50 }.ConnectionString;
        await ExecuteAsync(adminConnection, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)").ConfigureAwait(false);
        await ExecuteAsync(adminConnection, $"CREATE DATABASE \"{database}\"").ConfigureAwait(false);

        var startMs = Now();
        var plan = new FarmPlan(sources, interval, change, startMs);
        using var farm = new ChildProcess("farm", "dotnet", [self, "farm", "--feeds", Str(sources), "--interval", interval.ToString("c"), "--change", Str(change),
            "--start-ms", Str(startMs), "--port", Str(farmPort), "--duration", (run + tail + TimeSpan.FromMinutes(3)).ToString("c"), "--log", Path.Combine(output, "farm.csv")],
            new Dictionary<string, string>(), Path.Combine(output, "farm.out"), "farm:");
        using var consumer = new ChildProcess("consumer", "dotnet", [self, "consumer", "--rabbitmq", $"amqp://guest:guest@127.0.0.1:5672/{rabbitVhost}",
            "--duration", (run + tail + TimeSpan.FromMinutes(3)).ToString("c"), "--log", Path.Combine(output, "consumer.csv")],
            new Dictionary<string, string>(), Path.Combine(output, "consumer.out"), "consumer: ready");
        await farm.WaitReadyAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        await consumer.WaitReadyAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);

        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var environment = new Dictionary<string, string>
        {
            ["FeedHub__Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__FeedHub"] = hubConnection,
            ["FeedHub__Bus__Transport"] = "RabbitMq",
            ["FeedHub__Bus__RabbitMq__Host"] = "127.0.0.1",
            ["FeedHub__Bus__RabbitMq__VirtualHost"] = rabbitVhost,
            ["FeedHub__Bus__RabbitMq__Username"] = "guest",
            ["FeedHub__Bus__RabbitMq__Password"] = "guest",
            ["FeedHub__Fetching__AllowPrivateNetworks"] = "true",
            // Every farm feed is on one host (127.0.0.1:port); a real deployment's sources are spread over many hosts,
            // each with its own limits. The per-host limits are off so the run measures the pipeline, not one host's pace.
            ["FeedHub__Fetching__MaxConcurrentPerHost"] = "0",
            ["FeedHub__Fetching__MinDelayPerHost"] = "00:00:00",
            // OPML imports carry no interval; with adaptive polling off they get the default, which the scenario sets.
            ["FeedHub__Scheduler__Adaptive"] = "false",
            ["FeedHub__Scheduler__DefaultInterval"] = interval.ToString("c"),
            ["FeedHub__Scheduler__FirstPollSpread"] = spread.ToString("c"),
            ["FeedHub__ApiKeys__0__Name"] = "load",
            ["FeedHub__ApiKeys__0__Hash"] = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))),
            ["FeedHub__ApiKeys__0__Role"] = "Operator",
            ["Logging__LogLevel__Default"] = "Warning",
            ["DOTNET_gcServer"] = args.Text("server-gc", "0"),
        };
        // The sample sources in appsettings.json are outside hosts: load traffic stays on 127.0.0.1.
        for (var i = 0; i < 4; i++)
        {
            environment[$"FeedHub__Sources__{i}__Enabled"] = "false";
        }

        foreach (var extra in args.Text("feedhub-env", "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = extra.Split('=', 2);
            environment[pair[0]] = pair[1];
        }

        using var hub = new ChildProcess("feedhub", "dotnet", [feedhubDll, "--urls", $"http://127.0.0.1:{hubPort}"], environment, Path.Combine(output, "feedhub.out"));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{hubPort}"), Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        await WaitHealthyAsync(http, hub).ConfigureAwait(false);

        var samples = new List<ProcessSample>();
        var planned = new Dictionary<int, HashSet<long>>();
        var itemCounts = new List<(long AtMs, long Items)>();
        using var stopSampling = new CancellationTokenSource();
        var sampling = SampleProcessAsync(hub.Id, samples, stopSampling.Token);

        var opml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><opml version=\"2.0\"><head><title>load</title></head><body>");
        for (var i = 0; i < sources; i++)
        {
            opml.Append(CultureInfo.InvariantCulture, $"<outline type=\"rss\" text=\"Báo {i}\" xmlUrl=\"http://127.0.0.1:{farmPort}/feed/{i}.xml\"/>");
        }

        opml.Append("</body></opml>");
        var importStartMs = Now();
        using (var body = new StringContent(opml.ToString(), Encoding.UTF8, "text/x-opml"))
        using (var response = await http.PostAsync(new Uri("/api/opml", UriKind.Relative), body).ConfigureAwait(false))
        {
            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"scenario: OPML import answered {(int)response.StatusCode}: {text[..Math.Min(text.Length, 500)]}");
                return 1;
            }
        }

        var importEndMs = Now();
        Console.WriteLine($"scenario: imported {sources} sources in {(importEndMs - importStartMs) / 1000.0:F1} s; running {run:c} + {tail:c}");

        var profiling = profileAfter is { } wait ? ProfileAsync(args, hub.Id, wait, output) : Task.CompletedTask;
        var untilMs = importEndMs + (long)(run + tail).TotalMilliseconds;
        while (Now() < untilMs && !hub.HasExited)
        {
            await SampleDatabaseAsync(hubConnection, farmPort, planned, itemCounts).ConfigureAwait(false);
            await Task.Delay(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }

        await SampleDatabaseAsync(hubConnection, farmPort, planned, itemCounts).ConfigureAwait(false);
        var (databaseBytes, itemsBytes) = await DatabaseSizeAsync(hubConnection, database).ConfigureAwait(false);
        await stopSampling.CancelAsync().ConfigureAwait(false);
        await sampling.ConfigureAwait(false);
        await profiling.ConfigureAwait(false);
        var hubExitedEarly = hub.HasExited;
        Console.WriteLine($"scenario: load average at end: {File.ReadAllText("/proc/loadavg").Trim()}");

        await hub.TerminateAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        await consumer.TerminateAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        await farm.TerminateAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);

        var report = ScenarioReport.Build(new ScenarioRun(plan, run, importStartMs, importEndMs, samples, planned, itemCounts, databaseBytes, itemsBytes,
            Path.Combine(output, "farm.csv"), Path.Combine(output, "consumer.csv"), hubExitedEarly));
        await File.WriteAllTextAsync(Path.Combine(output, "report.md"), report).ConfigureAwait(false);
        Console.WriteLine(report);

        if (!args.Has("keep-database"))
        {
            await ExecuteAsync(adminConnection, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)").ConfigureAwait(false);
        }

        return hubExitedEarly ? 1 : 0;
    }

    private static long Now() => TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();

    private static string Str(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static async Task WaitHealthyAsync(HttpClient http, ChildProcess hub)
    {
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (hub.HasExited)
            {
                throw new InvalidOperationException("feedhub exited during start-up; see feedhub.out");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative)).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500).ConfigureAwait(false);
        }

        throw new TimeoutException("feedhub did not become ready within two minutes");
    }

    private static async Task SampleProcessAsync(int pid, List<ProcessSample> samples, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            do
            {
                if (ProcessSample.Read(pid, Now()) is { } sample)
                {
                    samples.Add(sample);
                }
            }
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Each source's planned poll (NextPollAt, written when the previous poll finished) and the item count.</summary>
    private static async Task SampleDatabaseAsync(string connection, int farmPort, Dictionary<int, HashSet<long>> planned, List<(long, long)> itemCounts)
    {
        var prefix = $"http://127.0.0.1:{farmPort}/feed/";
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync().ConfigureAwait(false);
        await using (var command = new NpgsqlCommand("SELECT \"Url\", \"NextPollAt\" FROM \"Sources\" WHERE \"NextPollAt\" IS NOT NULL", db))
        await using (var reader = await command.ExecuteReaderAsync().ConfigureAwait(false))
        {
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                var url = reader.GetString(0);
                if (url.StartsWith(prefix, StringComparison.Ordinal)
                    && int.TryParse(url.AsSpan(prefix.Length, url.Length - prefix.Length - 4), NumberStyles.None, CultureInfo.InvariantCulture, out var feed))
                {
                    var at = reader.GetFieldValue<DateTimeOffset>(1).ToUnixTimeMilliseconds();
                    if (!planned.TryGetValue(feed, out var times))
                    {
                        planned[feed] = times = [];
                    }

                    times.Add(at);
                }
            }
        }

        await using (var count = new NpgsqlCommand("SELECT count(*) FROM \"Items\"", db))
        {
            itemCounts.Add((Now(), (long)(await count.ExecuteScalarAsync().ConfigureAwait(false))!));
        }
    }

    private static async Task<(long Database, long Items)> DatabaseSizeAsync(string connection, string database)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"SELECT pg_database_size('{database}'), pg_total_relation_size('\"Items\"')", db);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        await reader.ReadAsync().ConfigureAwait(false);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>
    /// A sampled-stacks profile of feedhub with dotnet-trace, when --profile-after is given (--dotnet-trace names the tool);
    /// kernel CPU sampling needs `collect-linux` and privileges, the thread-time samples need neither.
    /// </summary>
    private static async Task ProfileAsync(LoadArguments args, int pid, TimeSpan wait, string output)
    {
        await Task.Delay(wait).ConfigureAwait(false);
        var tool = args.Text("dotnet-trace", "dotnet-trace");
        using var trace = new ChildProcess("dotnet-trace", tool, ["collect", "-p", Str(pid), "--profile", "dotnet-common,dotnet-sampled-thread-time", "--duration", args.Text("profile-duration", "00:00:01:00"),
            "-o", Path.Combine(output, "feedhub.nettrace")], new Dictionary<string, string>(), Path.Combine(output, "dotnet-trace.out"));
        await trace.StopAsync(TimeSpan.FromMinutes(5)).ConfigureAwait(false);
    }
}
