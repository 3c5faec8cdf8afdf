namespace FeedHub.Contracts;

/// <summary>A media file attached to an item.</summary>
/// <param name="Url">Absolute URL of the file.</param>
/// <param name="Type">MIME type, if given.</param>
/// <param name="Length">Size in bytes, if given.</param>
public sealed record FeedEnclosure(Uri Url, string? Type = null, long? Length = null);
