using System.Text;
using AngleSharp.Dom;

namespace FeedHub.Extracting;

/// <summary>The article's text as paragraphs: one per paragraph-like block, and one per run of loose text between blocks.</summary>
internal static class ArticleParagraphs
{
    public static List<string> Collect(IEnumerable<IElement> roots)
    {
        var paragraphs = new List<string>();
        foreach (var root in roots)
        {
            if (HtmlBlocks.IsLeaf(root))
            {
                Add(paragraphs, ElementText.Of(root));
                continue;
            }

            Walk(root, paragraphs);
        }

        return paragraphs;
    }

    private static void Walk(IElement container, List<string> paragraphs)
    {
        var run = new StringBuilder();
        foreach (var child in container.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    run.Append(text.Data);
                    break;
                case IElement { LocalName: "br" or "hr" }:
                    // Old CMS bodies are text with <br><br> between paragraphs.
                    Flush(run, paragraphs);
                    break;
                case IElement element when HtmlBlocks.IsLeaf(element):
                    Flush(run, paragraphs);
                    Add(paragraphs, ElementText.Of(element));
                    break;
                case IElement element when HtmlBlocks.IsBlock(element):
                    Flush(run, paragraphs);
                    Walk(element, paragraphs);
                    break;
                case IElement element:
                    run.Append(element.TextContent);
                    break;
            }
        }

        Flush(run, paragraphs);
    }

    private static void Flush(StringBuilder run, List<string> paragraphs)
    {
        Add(paragraphs, ElementText.Collapse(run.ToString()));
        run.Clear();
    }

    private static void Add(List<string> paragraphs, string text)
    {
        if (text.Length > 0)
        {
            paragraphs.Add(text);
        }
    }
}
