namespace FeedHub.Sources;

/// <summary>A source as the operator declares it under <c>FeedHub:Sources:N</c>.</summary>
internal sealed class SourceDefinition
{
    public string? Url { get; set; }
    public string? Name { get; set; }
    public List<string> Tags { get; set; } = [];
    public TimeSpan? Interval { get; set; }
    public string? Cron { get; set; }
    public string? TimeZone { get; set; }
    public bool Enabled { get; set; } = true;
}
