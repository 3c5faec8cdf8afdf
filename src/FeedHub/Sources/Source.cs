using FeedHub.Fetching;

namespace FeedHub.Sources;

/// <summary>A feed the operator asked FeedHub to poll, with what FeedHub remembers between polls.</summary>
internal sealed class Source
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Url { get; set; }
    public List<string> Tags { get; set; } = [];

    /// <summary>Explicit poll interval; null means the default interval (or <see cref="Cron"/>).</summary>
    public TimeSpan? Interval { get; set; }

    /// <summary>Cron schedule in Quartz syntax, read in <see cref="TimeZone"/>.</summary>
    public string? Cron { get; set; }

    /// <summary>IANA zone for dates the feed gives without one, and for the cron schedule.</summary>
    public string? TimeZone { get; set; }

    public bool Enabled { get; set; } = true;
    public SourceOrigin Origin { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The outlet's home page and title as its feed gives them; used to credit it in merged feeds.</summary>
    public string? SiteLink { get; set; }
    public string? FeedTitle { get; set; }

    public string? ETag { get; set; }
    public string? LastModified { get; set; }
    public SourceHealth Health { get; set; } = new();

    public CacheValidators Validators => new(ETag, LastModified);
}
