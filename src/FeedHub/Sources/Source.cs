using FeedHub.Fetching;

namespace FeedHub.Sources;

/// <summary>A feed the operator asked FeedHub to poll, with what FeedHub remembers between polls.</summary>
internal sealed class Source
{
    private string url = string.Empty;

    public Guid Id { get; set; }
    public required string Name { get; set; }

    public required string Url
    {
        get => url;
        set
        {
            url = value;
            UrlHash = SourceUrl.HashOf(value);
        }
    }

    /// <summary>
    /// Carries "one source per URL": a 2048-character URL is too long for an index key on SQL Server,
    /// its fixed-length hash is not, and it compares byte for byte on every provider.
    /// </summary>
    public string UrlHash { get; private set; } = string.Empty;

    public List<string> Tags { get; set; } = [];

    /// <summary>Explicit poll interval; null means the default interval (or <see cref="Cron"/>).</summary>
    public TimeSpan? Interval { get; set; }

    /// <summary>Cron schedule in Quartz syntax, read in <see cref="TimeZone"/>.</summary>
    public string? Cron { get; set; }

    /// <summary>IANA zone for dates the feed gives without one, and for the cron schedule.</summary>
    public string? TimeZone { get; set; }

    /// <summary>The operator's word on the language (BCP 47); wins over what the feed declares.</summary>
    public string? Language { get; set; }

    /// <summary>The language the feed itself declares, kept from the last successful poll.</summary>
    public string? FeedLanguage { get; set; }

    /// <summary>Extra request headers for feeds behind auth or picky servers (e.g. a token header).</summary>
    public Dictionary<string, string> RequestHeaders { get; set; } = [];

    /// <summary>HTTP Basic credentials; kept readable because every poll must send them, never shown by the API.</summary>
    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>Fetch each item's article page for its full text (step 6 of the pipeline).</summary>
    public bool FullContent { get; set; }

    /// <summary>Per-site extraction rules for <see cref="FullContent"/>; null leaves it to the general extractor.</summary>
    public SourceExtraction? Extraction { get; set; }

    /// <summary>Set for a page without a feed: the selectors that find its items. Null for a feed.</summary>
    public SourceListing? Listing { get; set; }

    /// <summary>"feed", or "htmlListing" for a page read through <see cref="Listing"/>.</summary>
    public string Kind => Listing is null ? "feed" : "htmlListing";

    public bool Enabled { get; set; } = true;

    /// <summary>Why FeedHub itself turned the source off (410 Gone); null when the operator did, or it is on.</summary>
    public string? DisabledReason { get; set; }

    /// <summary>
    /// Set when an operator removed the source but kept its items: it is no longer polled or listed,
    /// its items stay in feeds, and adding its URL again brings it back.
    /// </summary>
    public DateTimeOffset? ArchivedAt { get; set; }

    /// <summary>When the scheduler plans to poll next, and why that time; written by the worker that planned it.</summary>
    public DateTimeOffset? NextPollAt { get; set; }
    public string? NextPollReason { get; set; }

    public SourceOrigin Origin { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The outlet's home page and title as its feed gives them; used to credit it in merged feeds.</summary>
    public string? SiteLink { get; set; }
    public string? FeedTitle { get; set; }

    /// <summary>The feed's own hints on how often to poll it, kept from the last poll that read a body.</summary>
    public Parsing.FeedPollHints PollHints { get; set; } = Parsing.FeedPollHints.None;

    /// <summary>
    /// A permanent redirect seen on the last polls, and how many polls in a row have seen it: the URL moves
    /// only once it has been seen <c>FeedHub:Fetching:PermanentRedirectsToMove</c> times, so one misconfigured
    /// answer does not lose the source's real address.
    /// </summary>
    public string? MovedTo { get; set; }
    public int MovedToSeen { get; set; }

    public string? ETag { get; set; }
    public string? LastModified { get; set; }
    public SourceHealth Health { get; set; } = new();

    public CacheValidators Validators => new(ETag, LastModified);

    public FetchRequest FetchRequest() => new(
        new Uri(Url), Validators, RequestHeaders, Username is null ? null : new BasicCredentials(Username, Password ?? string.Empty));

    public string? EffectiveLanguage => Language ?? FeedLanguage;

    public bool IsArchived => ArchivedAt is not null;

    /// <summary>Recomputes the hash for a row stored before the column existed (see DatabaseInitializer).</summary>
    public bool RefreshUrlHash()
    {
        var hash = SourceUrl.HashOf(url);
        if (string.Equals(hash, UrlHash, StringComparison.Ordinal))
        {
            return false;
        }

        UrlHash = hash;
        return true;
    }
}
