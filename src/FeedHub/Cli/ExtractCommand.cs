using System.CommandLine;
using FeedHub.Extracting;
using FeedHub.Fetching;
using FeedHub.Normalizing;

namespace FeedHub.Cli;

/// <summary>`feedhub extract`: runs the service's article extractor on one HTML file or URL and prints the article.</summary>
internal static class ExtractCommand
{
    private const int Success = 0;
    private const int BadInput = 2;

    internal static Command Create(Func<Uri, CancellationToken, Task<FetchResult>> fetch, IConfiguration configuration)
    {
        var json = new Option<bool>("--json") { Description = "Print the article as one JSON object." };
        var url = new Option<string?>("--url") { Description = "The page's address, that links and images resolve against (default: the fetched URL)." };

        // Zero-or-more so a missing input is reported with the contract's exit code 2, not the parser's 1.
        var inputs = new Argument<string[]>("input") { Description = "An HTML file or http(s) URL.", Arity = ArgumentArity.ZeroOrMore };

        var command = new Command("extract", "Extract the article (main content) of an HTML page as the service does for full-content sources.")
        {
            json, url, inputs,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var request = new ExtractRequest(parseResult.GetValue(inputs) ?? [], parseResult.GetValue(json), parseResult.GetValue(url));
            return RunAsync(request, fetch, configuration[ParseCommand.DefaultTimeZoneKey], parseResult.InvocationConfiguration, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        ExtractRequest request, Func<Uri, CancellationToken, Task<FetchResult>> fetch, string? zoneId, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        if (Refuse(request, zoneId, out var zone, out var pageUrl) is { } reason)
        {
            await console.Error.WriteLineAsync($"extract: {reason}").ConfigureAwait(false);
            return BadInput;
        }

        var input = request.Inputs[0];
        var page = await LoadAsync(input, fetch, cancellationToken).ConfigureAwait(false);
        if (page.Error is not null)
        {
            await console.Error.WriteLineAsync($"{input}: {page.Error}").ConfigureAwait(false);
            return BadInput;
        }

        pageUrl ??= page.FinalUrl ?? new Uri(Path.GetFullPath(input));
        using var services = new ServiceCollection().AddNormalizing().AddExtracting().BuildServiceProvider();
        var extractor = services.GetRequiredService<ArticleExtractor>();
        var article = extractor.Extract(page.Body, page.ContentType, pageUrl, ExtractionRules.None, zone);
        await console.Output.WriteLineAsync(request.Json ? ExtractJsonWriter.Write(article) : $"{article.Title}\n\n{article.Text}").ConfigureAwait(false);
        return Success;
    }

    /// <returns>Why the request cannot run, or null.</returns>
    private static string? Refuse(ExtractRequest request, string? zoneId, out TimeZoneInfo zone, out Uri? pageUrl)
    {
        pageUrl = null;
        zone = TimeZoneInfo.Utc;
        if (request.Inputs.Count != 1)
        {
            return "give exactly one HTML file or URL";
        }

        var id = string.IsNullOrWhiteSpace(zoneId) ? "UTC" : zoneId.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found))
        {
            return $"unknown timezone \"{id}\" in {ParseCommand.DefaultTimeZoneKey}";
        }

        zone = found;
        if (request.Url is not null && (!Uri.TryCreate(request.Url, UriKind.Absolute, out pageUrl) || pageUrl.IsFile))
        {
            return $"--url \"{request.Url}\" is not an absolute URL";
        }

        return null;
    }

    private static async Task<LoadedPage> LoadAsync(string input, Func<Uri, CancellationToken, Task<FetchResult>> fetch, CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(input, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return await fetch(url, cancellationToken).ConfigureAwait(false) switch
            {
                FetchResult.Fetched fetched => new LoadedPage(fetched.Body, fetched.ContentType, fetched.FinalUrl, null),
                FetchResult.Failed failed => LoadedPage.Failed($"fetch failed ({failed.Failure}): {failed.Detail}"),
                _ => LoadedPage.Failed("fetch failed: the server answered 304 Not Modified to an unconditional request"),
            };
        }

        try
        {
            return new LoadedPage(await File.ReadAllBytesAsync(input, cancellationToken).ConfigureAwait(false), null, null, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return LoadedPage.Failed($"cannot read file: {e.Message}");
        }
    }

    private sealed record ExtractRequest(IReadOnlyList<string> Inputs, bool Json, string? Url);

    private sealed record LoadedPage(byte[] Body, string? ContentType, Uri? FinalUrl, string? Error)
    {
        public static LoadedPage Failed(string error) => new([], null, null, error);
    }
}
