using FeedHub.Contracts;

namespace FeedHub.Parsing;

/// <summary>
/// Everything one parse accumulates: the feed's own fields, its items, warnings and the dates reader. The
/// readers fill it as they go, so when a document breaks off, what was read before the break is still here.
/// </summary>
internal sealed class FeedReading(FeedFormat format, ParseContext context, ParserLimits limits, ParseWarnings warnings)
{
    private readonly List<ParsedItem> _items = [];
    private int _droppedItems;
    private RssPollHints? _pollHints;

    public FeedFormat Format { get; } = format;
    public ParseContext Context { get; } = context;
    public ParserLimits Limits { get; } = limits;
    public ParseWarnings Warnings { get; } = warnings;
    public FeedDates Dates { get; } = new(context, warnings);

    public string? Title { get; set; }
    public string? Link { get; set; }
    public string? Description { get; set; }
    public string? Language
    {
        get;
        set
        {
            field = value;
            Dates.Language = value;
        }
    }

    public DateTimeOffset? Updated { get; set; }

    /// <summary>The WebSub hub the feed advertises (link rel="hub"), and the topic URL it names itself by (rel="self").</summary>
    public string? Hub { get; private set; }
    public string? Self { get; private set; }

    public void NotePushLink(string? rel, string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return;
        }

        switch (rel?.Trim())
        {
            case "hub":
                Hub ??= href.Trim();
                break;
            case "self":
                Self ??= href.Trim();
                break;
        }
    }

    /// <summary>Authors named for the whole feed; Atom and JSON Feed items without their own inherit them.</summary>
    public List<FeedAuthor> FeedAuthors { get; } = [];

    /// <summary>Made on the first hint element, so the many feeds without one pay nothing.</summary>
    public RssPollHints PollHints => _pollHints ??= new RssPollHints();

    public int ItemCount => _items.Count;

    public void AddItem(ItemDraft draft)
    {
        if (_items.Count >= Limits.MaxItems)
        {
            _droppedItems++;
            return;
        }

        _items.Add(draft.ToParsedItem());
    }

    /// <summary>Forgets the items read so far, for salvage to read them again one by one.</summary>
    public void ClearItems()
    {
        _items.Clear();
        _droppedItems = 0;
    }

    /// <summary>Cuts a text at the configured length, so one huge element cannot swell every later stage.</summary>
    public string Limit(string text)
    {
        if (text.Length <= Limits.MaxTextLength)
        {
            return text;
        }

        Warnings.Add($"a text longer than {Limits.MaxTextLength} characters was cut");
        return text[..Limits.MaxTextLength];
    }

    public ParsedFeed ToParsedFeed()
    {
        if (_droppedItems > 0)
        {
            Warnings.Add($"{_droppedItems} item(s) beyond the limit of {Limits.MaxItems} dropped");
        }

        var items = FeedAuthors.Count == 0
            ? _items
            : _items.ConvertAll(item => item.Authors.Count == 0 ? item with { Authors = FeedAuthors } : item);
        var hints = _pollHints?.ToHints(this) ?? FeedPollHints.None;
        return new ParsedFeed(Format, Title, Link, Description, Language, Updated, items, Warnings.ToList()) { PollHints = hints, Hub = Hub, Self = Self };
    }
}
