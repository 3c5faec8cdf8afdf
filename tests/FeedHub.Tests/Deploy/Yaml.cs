using Xunit;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace FeedHub.Tests.Deploy;

/// <summary>
/// YAML read as plain trees: mappings are dictionaries keyed by string, sequences lists, scalars strings.
/// Anchors, aliases and merge keys (<c>&lt;&lt;: *x</c>) are resolved as Docker Compose resolves them.
/// </summary>
internal static class Yaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    public static IReadOnlyList<object?> LoadAll(string text)
    {
        var parser = new MergingParser(new Parser(new StringReader(text)));
        parser.Consume<StreamStart>();
        var documents = new List<object?>();
        while (parser.Accept<DocumentStart>(out _))
        {
            documents.Add(Deserializer.Deserialize<object?>(parser));
        }

        return documents;
    }

    public static object? Load(string text) => Assert.Single(LoadAll(text));

    public static IDictionary<object, object?> AsMap(this object? node, string what) =>
        node as IDictionary<object, object?> ?? throw new Xunit.Sdk.XunitException($"{what} is not a mapping (got {node?.GetType().Name ?? "nothing"}).");

    public static IList<object?> AsList(this object? node, string what) =>
        node as IList<object?> ?? throw new Xunit.Sdk.XunitException($"{what} is not a sequence (got {node?.GetType().Name ?? "nothing"}).");

    /// <summary>The node at a path of mapping keys, or null where the path ends early.</summary>
    public static object? At(this object? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not IDictionary<object, object?> map || !map.TryGetValue(key, out node))
            {
                return null;
            }
        }

        return node;
    }

    public static string? Text(this object? node, params string[] path) => node.At(path) as string;

    /// <summary>A mapping's entries as strings (environment blocks, ConfigMap data).</summary>
    public static Dictionary<string, string> Strings(this object? node, string what) =>
        node.AsMap(what).ToDictionary(entry => (string)entry.Key, entry => entry.Value as string ?? "", StringComparer.Ordinal);

    public static IEnumerable<IDictionary<object, object?>> Maps(this object? node, string what) =>
        node is null ? [] : node.AsList(what).Select((item, index) => item.AsMap($"{what}[{index}]"));
}
