using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace FeedHub.Tests.Feeds;

/// <summary>
/// Runs Debian's python3-feedparser, the parser many readers are built on, over a file. Debian's own
/// interpreter is named by path: a <c>python3</c> earlier on PATH (pyenv) has no Debian packages.
/// </summary>
internal static class DebianFeedparser
{
    private const string Python = "/usr/bin/python3";

    /// <summary>
    /// What the tests compare, as JSON: ASCII-escaped, so the console's encoding cannot garble it.
    /// Debian's feedparser (6.0) predates JSON Feed support (6.1 added it): there a JSON Feed is read
    /// with Python's json module and checked for what JSON Feed 1.1 requires, and "reader" says which ran.
    /// </summary>
    private const string Script = """
        import sys, json, importlib.util, feedparser
        path, kind = sys.argv[1], sys.argv[2]
        def entry(e):
            return {"id": e.get("id"), "title": e.get("title"), "link": e.get("link"),
                    "author": (e.get("author_detail") or {}).get("name") or e.get("author"),
                    "tags": [t.get("term") for t in e.get("tags", [])],
                    "source": (e.get("source") or {}).get("title"),
                    "enclosures": [x.get("href") for x in e.get("enclosures", [])]}
        def json_feed():
            problems = []
            with open(path, encoding="utf-8") as f:
                d = json.load(f)
            if d.get("version") != "https://jsonfeed.org/version/1.1": problems.append("version")
            if not isinstance(d.get("title"), str): problems.append("title")
            items = d.get("items")
            if not isinstance(items, list): problems.append("items"); items = []
            for i in items:
                if not isinstance(i.get("id"), str): problems.append("item id")
                if not ("content_html" in i or "content_text" in i): problems.append("item content")
            return {"reader": "json", "bozo": bool(problems), "error": ", ".join(problems), "version": d.get("version"), "title": d.get("title"),
                    "links": [{"rel": "next", "href": d["next_url"]}] if "next_url" in d else [],
                    "entries": [{"id": i.get("id"), "title": i.get("title"), "link": i.get("url"),
                                 "author": (i.get("authors") or [{}])[0].get("name"), "tags": i.get("tags", []), "source": None,
                                 "enclosures": [a.get("url") for a in i.get("attachments", [])]} for i in items]}
        if kind == "json" and importlib.util.find_spec("feedparser.parsers.json") is None:
            print(json.dumps(json_feed()))
            sys.exit(0)
        headers = {"content-type": "application/feed+json"} if kind == "json" else {}
        d = feedparser.parse(path, response_headers=headers)
        print(json.dumps({"reader": "feedparser " + feedparser.__version__, "bozo": bool(d.get("bozo")), "error": repr(d.get("bozo_exception")),
                          "version": d.get("version"), "title": d.feed.get("title"),
                          "links": [{"rel": l.get("rel"), "href": l.get("href")} for l in d.feed.get("links", [])],
                          "entries": [entry(e) for e in d.entries]}))
        """;

    /// <summary>Skips where feedparser cannot be had, but fails under CI, where tests/services.sh installs it.</summary>
    public static void RequireInstalled()
    {
        if (WhyMissing() is not { } reason)
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{reason} CI must install it (apt-get install -y python3-feedparser; tests/services.sh does).");
        }

        Assert.Skip($"{reason} Install it with: apt-get install -y python3-feedparser");
    }

    /// <param name="kind">"rss", "atom" or "json".</param>
    public static JsonElement Parse(string path, string kind)
    {
        var (exit, output, error) = Run("-c", Script, path, kind);
        Assert.True(exit == 0, $"feedparser failed on {path}: {error}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static string? WhyMissing()
    {
        if (!File.Exists(Python))
        {
            return $"{Python} (Debian's Python) is not installed.";
        }

        var (exit, _, _) = Run("-c", "import feedparser");
        return exit == 0 ? null : $"Debian's python3-feedparser is not installed for {Python}.";
    }

    private static (int Exit, string Output, string Error) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing from the user's Python setup may change which feedparser runs.
        start.Environment.Remove("PYTHONPATH");
        start.Environment.Remove("PYTHONHOME");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("feedparser did not finish within a minute.");
        }

        return (process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }
}
