using System.Diagnostics;

namespace FeedHub.Load;

/// <summary>A process this harness started: its output goes to a file, and it is ended by its own id only.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _output;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ChildProcess(string name, string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string outputPath, string? readyLine = null)
    {
        Name = name;
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        _output = new StreamWriter(outputPath) { AutoFlush = true };
        _process = new Process { StartInfo = start };
        DataReceivedEventHandler write = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_output)
            {
                _output.WriteLine(e.Data);
            }

            if (readyLine is not null && e.Data.Contains(readyLine, StringComparison.Ordinal))
            {
                _ready.TrySetResult();
            }
        };
        _process.OutputDataReceived += write;
        _process.ErrorDataReceived += write;
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        if (readyLine is null)
        {
            _ready.TrySetResult();
        }
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public Task WaitReadyAsync(TimeSpan limit) => _ready.Task.WaitAsync(limit);

    /// <summary>Waits for the process to end by itself, then ends it (by its id) if it has not.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        using var wait = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: false);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Asks the process to stop (SIGTERM, as a platform would) and waits for it.</summary>
    public async Task TerminateAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync().ConfigureAwait(false);
        }

        await StopAsync(grace).ConfigureAwait(false);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }

        _process.Dispose();
        lock (_output)
        {
            _output.Dispose();
        }
    }
}
