namespace FeedHub.Parsing;

/// <summary>What was repaired or guessed while reading one feed, each distinct message once, in order.</summary>
/// <remarks>One instance per parse; not shared between threads.</remarks>
internal sealed class ParseWarnings
{
    private readonly List<string> _ordered = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public void Add(string warning)
    {
        if (_seen.Add(warning))
        {
            _ordered.Add(warning);
        }
    }

    public IReadOnlyList<string> ToList() => [.. _ordered];
}
