namespace FeedHub.Load;

/// <summary>Lines appended under a lock to a buffered file, flushed every second and at the end.</summary>
internal sealed class RequestLog : IAsyncDisposable
{
    private readonly StreamWriter _file;
    private readonly Timer _flush;

    public RequestLog(string path, string header)
    {
        _file = new StreamWriter(path, append: false);
        _file.WriteLine(header);
        _flush = new Timer(_ => Flush(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    public void Add(string line)
    {
        lock (_file)
        {
            _file.WriteLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _flush.DisposeAsync().ConfigureAwait(false);
        lock (_file)
        {
            _file.Dispose();
        }
    }

    private void Flush()
    {
        lock (_file)
        {
            _file.Flush();
        }
    }
}
