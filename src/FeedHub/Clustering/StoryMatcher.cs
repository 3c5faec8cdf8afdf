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

        if (Disagree(a.Numbers, b.Numbers))
        {
            return "different figures";
        }

        return NamesDisagree(a, b) ? "different names" : null;
    }

    /// <summary>
    /// Each names places or people the other never mentions: the same kind of event elsewhere ("ở Đồng Nai",
    /// "ở Nghệ An"). One outlet naming more than another is no disagreement, so one shared mention is enough.
    /// </summary>
    private static bool NamesDisagree(StorySignature a, StorySignature b) =>
        a.Names.Count > 0 && b.Names.Count > 0 && !a.Names.Any(b.Mentions) && !b.Names.Any(a.Mentions);

    /// <summary>Both state some and share none: one outlet rounds a figure, but never all of them.</summary>
    private static bool Disagree(IReadOnlySet<string> a, IReadOnlySet<string> b) =>
        a.Count > 0 && b.Count > 0 && !a.Overlaps(b);

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
