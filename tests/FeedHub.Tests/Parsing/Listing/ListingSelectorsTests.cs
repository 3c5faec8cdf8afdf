using FeedHub.Parsing.Listing;
using Xunit;

namespace FeedHub.Tests.Parsing.Listing;

public sealed class ListingSelectorsTests
{
    [Fact]
    public void Accepts_usable_selectors()
    {
        var selectors = new ListingSelectors("article.item-news")
        {
            Title = "h3.title-news > a",
            Link = "a[href]:not([href^='#'])",
            Time = "span.time, time",
            Summary = "p.description",
            Image = ".thumb-art img",
            DatePattern = "HH:mm | dd/MM/yyyy",
        };

        Assert.Empty(selectors.Validate());
    }

    [Theory]
    [InlineData("article[")]
    [InlineData("div..item")]
    [InlineData("li:nth-child(")]
    [InlineData("#1-news")]
    public void Names_the_selector_that_is_not_valid_css(string item)
    {
        var error = Assert.Single(new ListingSelectors(item).Validate());

        Assert.StartsWith($"the item selector \"{item}\" is not a valid CSS selector", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_every_problem_at_once()
    {
        var errors = new ListingSelectors(" ") { Time = "span[", Image = "", DatePattern = "yyyy" }.Validate();

        Assert.Equal(4, errors.Count);
        Assert.Equal("the item selector is required", errors[0]);
        Assert.StartsWith("the time selector \"span[\" is not a valid CSS selector", errors[1], StringComparison.Ordinal);
        Assert.Equal("the image selector is empty; leave it out to use the default", errors[2]);
        Assert.Contains("the date pattern \"yyyy\" has neither", errors[3], StringComparison.Ordinal);
    }
}
