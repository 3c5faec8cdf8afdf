namespace FeedHub.Sources.Opml;

/// <summary>
/// What an import did with each feed outline. Every outline is counted once:
/// <c>Total = Added + Duplicates.Count + Invalid.Count</c>.
/// </summary>
internal sealed record OpmlImportResult(int Total, int Added, IReadOnlyList<OpmlDuplicate> Duplicates, IReadOnlyList<OpmlInvalid> Invalid);

/// <summary>An outline whose feed is already a source, or was already added from earlier in the same file.</summary>
internal sealed record OpmlDuplicate(string Url, Guid ExistingId, string? Title);

/// <summary>An outline that cannot become a source; each error names the field, as the sources API does.</summary>
internal sealed record OpmlInvalid(string? Url, string? Title, IReadOnlyList<string> Errors);

internal sealed record OpmlImportProgress(int Processed, int Total);
