namespace FeedHub.Sources;

/// <summary>The sources declared in configuration (<c>FeedHub:Sources</c>).</summary>
internal sealed class SourcesOptions
{
    public List<SourceDefinition> Sources { get; set; } = [];
}
