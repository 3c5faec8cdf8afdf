namespace FeedHub.Sources;

/// <summary>Where a source was declared: configuration sources are re-synced at every start.</summary>
internal enum SourceOrigin
{
    Configuration,
    Api,
}
