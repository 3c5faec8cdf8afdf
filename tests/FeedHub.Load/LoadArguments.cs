using System.Globalization;

namespace FeedHub.Load;

/// <summary>`--name value` pairs; every option has a default so a bare command runs something sensible.</summary>
internal sealed class LoadArguments(Dictionary<string, string> values)
{
    public static LoadArguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"expected --name value, got '{args[i]}'");
            }

            values[args[i][2..]] = args[++i];
        }

        return new LoadArguments(values);
    }

    public string Text(string name, string fallback) => values.TryGetValue(name, out var v) ? v : fallback;

    public int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) => values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public long Long(string name, long fallback) => values.TryGetValue(name, out var v) ? long.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public TimeSpan Time(string name, TimeSpan fallback) => values.TryGetValue(name, out var v) ? TimeSpan.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public bool Has(string name) => values.ContainsKey(name);
}
