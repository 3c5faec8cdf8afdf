using System.Text.RegularExpressions;
using FeedHub.Contracts;

namespace FeedHub.Parsing;

/// <summary>Reads the free-form RSS &lt;author&gt;: "jane@example.com (Jane Doe)", "Jane Doe &lt;jane@example.com&gt;", or a name.</summary>
internal static partial class RssAuthor
{
    public static FeedAuthor Parse(string text, Uri? uri)
    {
        var value = text.Trim();
        if (EmailThenName().Match(value) is { Success: true } m1)
        {
            return new FeedAuthor(m1.Groups["name"].Value.Trim(), m1.Groups["email"].Value, uri);
        }

        if (NameThenEmail().Match(value) is { Success: true } m2)
        {
            return new FeedAuthor(m2.Groups["name"].Value.Trim(), m2.Groups["email"].Value, uri);
        }

        return BareEmail().IsMatch(value) ? new FeedAuthor(value, value, uri) : new FeedAuthor(value, null, uri);
    }

    [GeneratedRegex(@"^(?<email>[^\s@()]+@[^\s@()]+)\s*\((?<name>[^)]+)\)$")]
    private static partial Regex EmailThenName();

    [GeneratedRegex(@"^(?<name>[^<]+)<(?<email>[^\s@<>]+@[^\s@<>]+)>$")]
    private static partial Regex NameThenEmail();

    [GeneratedRegex(@"^[^\s@]+@[^\s@]+$")]
    private static partial Regex BareEmail();
}
