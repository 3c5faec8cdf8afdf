using System.ComponentModel.DataAnnotations;

namespace FeedHub.Fetching;

/// <summary>Bound from <c>FeedHub:Fetching</c>.</summary>
internal sealed class FetchingOptions
{
    /// <summary>The whole request, headers and body, must finish within this.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest body accepted, counted after decompression so a gzip bomb stops here too.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    [Required(AllowEmptyStrings = false)]
    public string UserAgent { get; set; } = "FeedHub/1.0 (self-hosted news aggregator)";

    /// <summary>Requests one host may have in flight at once, across every worker; 0 for no limit.</summary>
    [Range(0, 100)]
    public int MaxConcurrentPerHost { get; set; } = 2;

    /// <summary>The least time between the starts of two requests to one host, across every worker; zero for none.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MinDelayPerHost { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A poll that cannot get its turn at a busy host within this is put off, not queued forever.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan HostWaitLimit { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A permanent redirect (301, 308) moves the source's URL once this many polls in a row have seen it.</summary>
    [Range(1, 100)]
    public int PermanentRedirectsToMove { get; set; } = 3;

    /// <summary>Loopback, private and link-local addresses are refused unless this is set (tests, closed networks).</summary>
    public bool AllowPrivateNetworks { get; set; }
}
