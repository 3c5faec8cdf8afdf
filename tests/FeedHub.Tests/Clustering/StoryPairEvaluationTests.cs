using FeedHub.Clustering;
using Xunit;

namespace FeedHub.Tests.Clustering;

/// <summary>
/// Precision and recall of story matching over the labelled pairs, as the clusterer decides: the two must
/// share enough sketch keys (how storage finds candidates), lie within the window, and be judged the same story.
/// </summary>
public sealed class StoryPairEvaluationTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Window = new ClusteringOptions().Window;

    [Fact]
    public void The_fixture_set_is_large_and_hard_enough_to_measure_on()
    {
        Assert.True(StoryPairs.All.Count(p => p.Same) >= 100);
        Assert.True(StoryPairs.All.Count(p => !p.Same) >= 100);
        Assert.True(StoryPairs.All.Count(p => !p.Same && p.IsHard) >= 60);
        Assert.Equal(StoryPairs.All.Count, StoryPairs.All.Select(p => p.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Matching_reaches_precision_099_and_recall_090_on_the_labelled_pairs()
    {
        var verdicts = StoryPairs.All.Select(p => (Pair: p, Matched: Matches(p))).ToList();
        var truePositives = verdicts.Count(v => v.Pair.Same && v.Matched);
        var falsePositives = verdicts.Count(v => !v.Pair.Same && v.Matched);
        var falseNegatives = verdicts.Count(v => v.Pair.Same && !v.Matched);
        var precision = (double)truePositives / Math.Max(1, truePositives + falsePositives);
        var recall = (double)truePositives / Math.Max(1, truePositives + falseNegatives);

        output.WriteLine($"pairs {verdicts.Count}: precision {precision:F3}, recall {recall:F3} (tp {truePositives}, fp {falsePositives}, fn {falseNegatives})");
        foreach (var (pair, matched) in verdicts.Where(v => v.Pair.Same != v.Matched))
        {
            var match = StoryMatcher.Compare(pair.A.Signature(), pair.B.Signature());
            output.WriteLine($"{pair.Id} same={pair.Same} matched={matched} score={match.Score:F2} words={match.WordOverlap:F2} pairs={match.ShingleOverlap:F2} title={match.TitleOverlap:F2} conflict={match.Conflict} names=[{string.Join(",", pair.A.Signature().Names)}] vs [{string.Join(",", pair.B.Signature().Names)}] nums=[{string.Join(",", pair.A.Signature().Numbers)}] vs [{string.Join(",", pair.B.Signature().Numbers)}] shared-keys={SharedKeys(pair)}: {pair.Why}");
        }

        Assert.True(precision >= 0.99, $"precision {precision:F3}");
        Assert.True(recall >= 0.90, $"recall {recall:F3}");
    }

    [Fact]
    public void Every_pair_judged_the_same_story_shares_more_keys_than_a_candidate_needs()
    {
        var judgedSame = StoryPairs.All.Where(p => p.Same && StoryMatcher.Compare(p.A.Signature(), p.B.Signature()).IsSameStory).ToList();
        var tooFew = judgedSame
            .Where(p => SharedKeys(p) <= Math.Max(KeysNeeded(p.A), KeysNeeded(p.B)))
            .Select(p => $"{p.Id}: {SharedKeys(p)} shared")
            .ToList();

        Assert.True(judgedSame.Count >= 100);
        Assert.True(tooFew.Count == 0, string.Join('\n', tooFew));
    }

    [Fact]
    public void Every_credited_outlet_in_the_fixtures_is_detected_and_no_other()
    {
        var sides = StoryPairs.All.SelectMany(p => new[] { p.A, p.B }).DistinctBy(s => s.Summary, StringComparer.Ordinal).ToList();
        var wrong = sides.Where(s => OriginalOutletDetector.Detect(s.Summary) != s.CreditedOutlet)
            .Select(s => $"expected '{s.CreditedOutlet}', found '{OriginalOutletDetector.Detect(s.Summary)}': {s.Summary}")
            .ToList();
        Assert.True(sides.Count(s => s.CreditedOutlet is not null) >= 5);
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    private static bool Matches(StoryPair pair)
    {
        // As the clusterer finds candidates: enough shared keys, whichever of the two is the new item.
        var needed = Math.Max(KeysNeeded(pair.A), KeysNeeded(pair.B));
        if ((pair.A.Published - pair.B.Published).Duration() > Window || SharedKeys(pair) < needed)
        {
            return false;
        }

        return StoryMatcher.Compare(pair.A.Signature(), pair.B.Signature()).IsSameStory;
    }

    private static int KeysNeeded(StorySide side) => StorySketch.MinSharedKeys(side.Signature().SketchKeys().Distinct().Count());

    private static int SharedKeys(StoryPair pair) =>
        pair.A.Signature().SketchKeys().Intersect(pair.B.Signature().SketchKeys()).Count();
}
