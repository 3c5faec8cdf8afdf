namespace FeedHub.Clustering;

/// <summary>How alike two stories are, and the verdict.</summary>
/// <param name="WordOverlap">Shared words over the shorter story's words.</param>
/// <param name="ShingleOverlap">Shared word pairs over the shorter story's word pairs.</param>
/// <param name="TitleOverlap">Shared title word pairs over the shorter title's.</param>
/// <param name="Conflict">Why the stories cannot be one, whatever their words: dates or numbers that disagree.</param>
internal sealed record StoryMatch(double WordOverlap, double ShingleOverlap, double TitleOverlap, string? Conflict)
{
    public bool IsSameStory => Conflict is null && Score >= StoryMatcher.SameStoryScore;

    /// <summary>One figure to rank candidates by: phrasing counts most, shared vocabulary backs it.</summary>
    public double Score => (0.6 * ShingleOverlap) + (0.25 * WordOverlap) + (0.15 * TitleOverlap);
}
