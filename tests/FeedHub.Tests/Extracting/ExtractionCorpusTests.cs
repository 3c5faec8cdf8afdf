using FeedHub.Extracting;
using FeedHub.Normalizing;
using Xunit;

namespace FeedHub.Tests.Extracting;

public sealed class ExtractionCorpusTests(ITestOutputHelper output)
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    private static readonly IReadOnlyList<ExtractionFixture> Fixtures = ExtractionCorpus.Load(ExtractionCorpus.Directory);

    private readonly ArticleExtractor _extractor = new(new ContentSanitizer());

    public static TheoryData<string> Names => new(ExtractionCorpus.Load(ExtractionCorpus.Directory).Select(f => f.Name));

    [Fact]
    public void The_corpus_has_at_least_ten_outlets()
    {
        Assert.True(Fixtures.Count >= 10, $"{Fixtures.Count} fixtures");
    }

    [Fact]
    public void Keeps_the_article_paragraphs_and_leaks_no_boilerplate_over_the_corpus()
    {
        // Warm the parser and the sanitizer so the time per page is the steady state the poller sees.
        _ = Extract(Fixtures[0]);

        var score = ExtractionCorpus.Score(Fixtures, Extract);

        output.WriteLine($"FeedHub extractor: {score}");
        foreach (var problem in score.Problems)
        {
            output.WriteLine(problem);
        }

        Assert.True(score.Recall >= 0.98, $"{score}\n{string.Join('\n', score.Problems)}");
        Assert.True(score.Leaks == 0, $"{score}\n{string.Join('\n', score.Problems)}");
    }

    [Theory, MemberData(nameof(Names))]
    public void Reads_the_title_author_and_date_of(string name)
    {
        var fixture = Fixtures.Single(f => f.Name == name);

        var article = _extractor.Extract(fixture.Body, fixture.ContentType, fixture.Url, null, Vietnam);

        Assert.Equal(fixture.Title, article.Title);
        Assert.Equal(fixture.Author, article.Author);
        Assert.Equal(fixture.Published is null ? null : DateTimeOffset.Parse(fixture.Published, System.Globalization.CultureInfo.InvariantCulture), article.Published);
        Assert.StartsWith("vi", article.Language, StringComparison.Ordinal);
        Assert.True(article.Text.IsNormalized(System.Text.NormalizationForm.FormC));
        Assert.True(article.Html.IsNormalized(System.Text.NormalizationForm.FormC));
        Assert.NotEmpty(article.Html);
    }

    private string Extract(ExtractionFixture fixture) => _extractor.Extract(fixture.Body, fixture.ContentType, fixture.Url, null, Vietnam).Text;
}
