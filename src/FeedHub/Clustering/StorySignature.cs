namespace FeedHub.Clustering;

/// <summary>
/// What a story is compared on, from its title and lead: folded words, word-pair shingles, the dates and other
/// numbers it states, the outlet it credits, and the sketch keys storage indexes it by.
/// </summary>
internal sealed class StorySignature
{
    private StorySignature(IReadOnlyList<string> words, HashSet<ulong> titleShingles, HashSet<ulong> shingles, string[] numbers, HashSet<string> names, string text, string? creditedOutlet)
    {
        Words = new HashSet<string>(words, StringComparer.Ordinal);
        TitleShingles = titleShingles;
        Shingles = shingles;
        Dates = numbers.Where(StoryNumbers.IsDate).ToHashSet(StringComparer.Ordinal);
        Numbers = numbers.Where(StoryNumbers.IsTelling).ToHashSet(StringComparer.Ordinal);
        Names = names;
        this.text = text;
        CreditedOutlet = creditedOutlet;
    }

    public IReadOnlySet<string> Words { get; }
    public IReadOnlySet<ulong> TitleShingles { get; }
    public IReadOnlySet<ulong> Shingles { get; }
    public IReadOnlySet<string> Dates { get; }
    /// <summary>The figures that tell this story from others (<see cref="StoryNumbers.IsTelling"/>).</summary>
    public IReadOnlySet<string> Numbers { get; }

    /// <summary>Places, people and companies named, folded (<see cref="StoryNames"/>).</summary>
    public IReadOnlySet<string> Names { get; }

    /// <summary>The outlet the text credits as its source ("Theo Báo Chính phủ"), if any.</summary>
    public string? CreditedOutlet { get; }

    /// <summary>Too little text to tell one story from another: such items are never clustered.</summary>
    public bool IsTooShort => Words.Count < MinWords;

    private const int MinWords = 6;

    private readonly string text;

    /// <param name="title">The item's title, any Unicode form.</param>
    /// <param name="lead">The lead or text, plain or HTML; only its first words count.</param>
    public static StorySignature Of(string? title, string? lead)
    {
        var titleWords = StoryWords.Of(title, null);
        var words = StoryWords.Of(title, lead);
        var plainLead = Normalizing.PlainText.FromHtml(lead);
        return new StorySignature(
            words,
            Clustering.Shingles.Of(titleWords),
            Clustering.Shingles.Of(words),
            StoryNumbers.Of($"{title}\n{plainLead}"),
            StoryNames.Of(title, plainLead),
            $" {string.Join(' ', StoryWords.Tokens(Normalizing.FoldedText.Of($"{title}\n{plainLead}")))} ",
            OriginalOutletDetector.Detect(lead));
    }

    /// <summary>Whether the story mentions a folded name anywhere in its title or lead, as whole words.</summary>
    public bool Mentions(string foldedName) => text.Contains($" {foldedName} ", StringComparison.Ordinal);

    public long[] SketchKeys() => StorySketch.Of(Shingles);
}
