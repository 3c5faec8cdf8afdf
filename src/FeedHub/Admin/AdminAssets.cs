using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace FeedHub.Admin;

/// <summary>The admin page's files, embedded in the assembly: no front-end build, nothing to deploy beside feedhub.</summary>
internal sealed class AdminAssets
{
    private const string ResourcePrefix = "FeedHub.Admin.Assets.";

    private readonly FrozenDictionary<string, AdminAsset> assets;

    public AdminAssets()
    {
        var assembly = typeof(AdminAssets).Assembly;
        assets = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToFrozenDictionary(name => name[ResourcePrefix.Length..], name => AdminAsset.Load(assembly, name), StringComparer.Ordinal);
    }

    /// <summary>A static file (script, style sheet) by its name, or null.</summary>
    public AdminAsset? Find(string name) =>
        assets.TryGetValue(name, out var asset) && asset.IsStatic ? asset : null;

    /// <summary>An HTML template with its <c>{{name}}</c> slots filled with HTML-encoded values.</summary>
    public string Render(string template, IReadOnlyDictionary<string, string> values)
    {
        var html = new StringBuilder(Encoding.UTF8.GetString(assets[template].Content));
        foreach (var (name, value) in values)
        {
            html.Replace("{{" + name + "}}", System.Net.WebUtility.HtmlEncode(value));
        }

        return html.ToString();
    }
}

internal sealed record AdminAsset(byte[] Content, string ContentType, EntityTagHeaderValue ETag)
{
    /// <summary>Templates are rendered per request; only scripts and styles are served as they are.</summary>
    public bool IsStatic => ContentType != "text/html";

    public static AdminAsset Load(System.Reflection.Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var content = copy.ToArray();
        var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..20]}\"");
        return new AdminAsset(content, TypeOf(resource), tag);
    }

    private static string TypeOf(string resource) => Path.GetExtension(resource) switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "text/html",
    };
}
