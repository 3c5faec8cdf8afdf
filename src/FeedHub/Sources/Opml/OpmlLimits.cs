namespace FeedHub.Sources.Opml;

/// <summary>
/// Bounds on an upload. The largest real subscription lists run to a few thousand feeds and well under
/// a megabyte; far beyond that an upload is a mistake or an attack on memory.
/// </summary>
internal static class OpmlLimits
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxOutlines = 50_000;
}
