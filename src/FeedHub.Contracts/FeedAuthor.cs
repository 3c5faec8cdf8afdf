namespace FeedHub.Contracts;

/// <summary>An item's author.</summary>
/// <param name="Name">Display name.</param>
/// <param name="Email">E-mail address, if the feed gave one.</param>
/// <param name="Uri">Home page, if the feed gave one.</param>
public sealed record FeedAuthor(string Name, string? Email = null, Uri? Uri = null);
