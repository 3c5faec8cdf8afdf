namespace FeedHub.Clustering;

/// <summary>
/// Decides whether two items tell the same story. Outlets rewrite each other's leads, so shared phrasing
/// (word pairs) and shared vocabulary are measured against the shorter text: a one-sentence lead that is
/// all in a longer one is a match. Daily reports share nearly every word from one day to the next, so dates
/// and figures that disagree overrule the words.
/// </summary>
internal static class StoryMatcher
{
    /// <summary>The score from which two stories are one; set on the labelled pairs in the tests' fixtures.</summary>
    public const double SameStoryScore = 0.35;

    /// <summary>Figures a story must state before disagreeing ones are taken as a different story.</summary>
    private const int FiguresToDisagree = 2;

    public static StoryMatch Compare(StorySignature a, StorySignature b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new StoryMatch(
            Overlap(a.Words, b.Words),
            Overlap(a.Shingles, b.Shingles),
            Overlap(a.TitleShingles, b.TitleShingles),
            ConflictBetween(a, b));
    }

    private static string? ConflictBetween(StorySignature a, StorySignature b)
    {
        if (a.IsTooShort || b.IsTooShort)
        {
            return "too little text";
        }

        if (a.Dates.Count > 0 && b.Dates.Count > 0 && !a.Dates.Overlaps(b.Dates))
        {
            return "different dates";
        }

        return a.Numbers.Count >= FiguresToDisagree && b.Numbers.Count >= FiguresToDisagree && !a.Numbers.Overlaps(b.Numbers)
            ? "different figures"
            : null;
    }

    private static double Overlap<T>(IReadOnlySet<T> a, IReadOnlySet<T> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        if (small.Count == 0)
        {
            return 0;
        }

        var shared = small.Count(large.Contains);
        return (double)shared / small.Count;
    }
}
