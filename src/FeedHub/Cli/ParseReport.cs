using FeedHub.Normalizing;
using FeedHub.Parsing;

namespace FeedHub.Cli;

/// <summary>What `feedhub parse` found for one input: a normalized feed, or the reason there is none.</summary>
/// <param name="File">The path or URL exactly as given on the command line.</param>
internal sealed record ParseReport(string File, FeedFormat Format, NormalizedFeed? Feed, string? Error);
