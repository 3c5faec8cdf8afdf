using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace FeedHub.Parsing.Listing;

/// <summary>
/// How to find items on a page that has no feed: CSS selectors an operator wrote for one site. Every selector
/// but <see cref="Item"/> is applied inside each matched item.
/// </summary>
/// <param name="Item">Matches one element per news item.</param>
internal sealed record ListingSelectors(string Item)
{
    /// <summary>The item's title; by default its first heading, else the text of its first link.</summary>
    public string? Title { get; init; }

    /// <summary>An element whose href (or whose first link's href) is the article; by default the item's first link.</summary>
    public string? Link { get; init; }

    /// <summary>The item's time; by default its first &lt;time&gt; element, if it has one.</summary>
    public string? Time { get; init; }

    /// <summary>The item's teaser, kept as HTML; none by default.</summary>
    public string? Summary { get; init; }

    /// <summary>The item's picture (an img, or an element holding one); none by default.</summary>
    public string? Image { get; init; }

    /// <summary>A .NET custom date format for the time text, such as "HH:mm | dd/MM/yyyy"; read in the source's zone.</summary>
    public string? DatePattern { get; init; }

    /// <summary>What is wrong with these selectors, one sentence each; empty when they can be used.</summary>
    /// <remarks>An operator API turns a non-empty list into a 400, so a typo is caught when the source is saved, not at the first poll.</remarks>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Item))
        {
            errors.Add("the item selector is required");
        }
        else
        {
            CheckSelector("item", Item, errors);
        }

        CheckSelector("title", Title, errors);
        CheckSelector("link", Link, errors);
        CheckSelector("time", Time, errors);
        CheckSelector("summary", Summary, errors);
        CheckSelector("image", Image, errors);
        if (DatePattern is not null && ListingDatePattern.Problem(DatePattern) is { } problem)
        {
            errors.Add(problem);
        }

        return errors;
    }

    private static void CheckSelector(string name, string? selector, List<string> errors)
    {
        if (selector is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(selector))
        {
            errors.Add($"the {name} selector is empty; leave it out to use the default");
            return;
        }

        if (SelectorError(selector) is { } error)
        {
            errors.Add($"the {name} selector \"{selector}\" is not a valid CSS selector: {error}");
        }
    }

    /// <summary>AngleSharp only reports a bad selector by throwing when it is used, so it is tried on an empty page.</summary>
    internal static string? SelectorError(string selector)
    {
        var parser = new HtmlParser();
        using var document = parser.ParseDocument("<html><body><div></div></body></html>");
        try
        {
            _ = document.QuerySelectorAll(selector);
            return null;
        }
        catch (DomException e)
        {
            return e.Message;
        }
#pragma warning disable CA1031 // Some invalid selectors have made AngleSharp throw other exceptions (NullReferenceException inside :has()); any of them means "invalid".
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return e.Message;
        }
    }
}
