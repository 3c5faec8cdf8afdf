using System.Diagnostics;

namespace FeedHub.IntegrationTests.Scale;

/// <summary>A real `feedhub` child process, configured by environment variables, with its output kept for diagnosis.</summary>
internal sealed class FeedHubProcess : IDisposable
{
    private readonly Process process;
    private readonly List<string> output = [];

    private FeedHubProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public string Output
    {
        get
        {
            lock (output)
            {
                return string.Join('\n', output.TakeLast(60));
            }
        }
    }

    public static FeedHubProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "feedhub.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new FeedHubProcess(Process.Start(start) ?? throw new InvalidOperationException("feedhub did not start"));
    }

    /// <summary>SIGKILL: no shutdown hooks, no goodbye to the cluster — the way a node really dies.</summary>
    public void Kill() => process.Kill(entireProcessTree: true);

    public async Task StopAsync()
    {
        if (process.HasExited)
        {
            return;
        }

        // SIGTERM lets the host stop gracefully; a process that does not stop in time is killed.
        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Add(line);
        }
    }
}
