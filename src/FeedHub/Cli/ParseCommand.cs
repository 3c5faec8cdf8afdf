using System.Buffers;
using System.CommandLine;
using System.Diagnostics;
using FeedHub.Fetching;
using FeedHub.Normalizing;
using FeedHub.Parsing;

namespace FeedHub.Cli;

/// <summary>`feedhub parse`: runs the service's parse and normalize stages on files or URLs and prints the result.</summary>
internal static class ParseCommand
{
    public const string DefaultTimeZoneKey = "FeedHub:Parsing:DefaultTimeZone";

    private const int Success = 0;
    private const int BadInput = 2;

    public static Command Create(Func<Uri, CancellationToken, Task<FetchResult>> fetch) =>
        Create(fetch, TimeProvider.System, new ConfigurationBuilder().AddEnvironmentVariables().Build());

    internal static Command Create(Func<Uri, CancellationToken, Task<FetchResult>> fetch, TimeProvider time, IConfiguration configuration)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object per input per line (NDJSON)." };
        var timeZone = new Option<string?>("--timezone")
        {
            Description = $"IANA zone for dates written without one; default: {DefaultTimeZoneKey}, else UTC.",
        };
        var baseUrl = new Option<string?>("--base-url") { Description = "URL that relative links resolve against (default: the fetched URL)." };

        // Zero-or-more so a missing input is reported with the contract's exit code 2, not the parser's 1.
        var inputs = new Argument<string[]>("inputs") { Description = "Feed files or http(s) URLs.", Arity = ArgumentArity.ZeroOrMore };

        var command = new Command("parse", "Parse and normalize feeds exactly as the service does, without storing them.")
        {
            json, timeZone, baseUrl, inputs,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var request = new ParseRequest(
                parseResult.GetValue(inputs) ?? [],
                parseResult.GetValue(json),
                parseResult.GetValue(timeZone) ?? configuration[DefaultTimeZoneKey],
                parseResult.GetValue(baseUrl));
            return RunAsync(request, fetch, time, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }

    /// <summary>Parses and normalizes one document; the golden tests call this so they check what the CLI prints.</summary>
    internal static ParseReport Run(string file, byte[] body, ParseContext context, FeedParser parser, ItemNormalizer normalizer) =>
        parser.Parse(body, context) switch
        {
            FeedParseResult.Parsed parsed => new ParseReport(file, parsed.Feed.Format, normalizer.Normalize(parsed.Feed, context.BaseUrl), null),
            FeedParseResult.Rejected rejected => new ParseReport(file, rejected.Format, null, Explain(rejected)),
            _ => throw new UnreachableException(),
        };

    private static async Task<int> RunAsync(
        ParseRequest request, Func<Uri, CancellationToken, Task<FetchResult>> fetch, TimeProvider time,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (request.Inputs.Count == 0)
        {
            await error.WriteLineAsync("parse: give at least one feed file or URL").ConfigureAwait(false);
            return BadInput;
        }

        var zoneId = string.IsNullOrWhiteSpace(request.TimeZone) ? "UTC" : request.TimeZone.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            await error.WriteLineAsync($"parse: unknown timezone \"{zoneId}\"").ConfigureAwait(false);
            return BadInput;
        }

        Uri? baseUrl = null;
        if (request.BaseUrl is not null && (!Uri.TryCreate(request.BaseUrl, UriKind.Absolute, out baseUrl) || baseUrl.IsFile))
        {
            await error.WriteLineAsync($"parse: --base-url \"{request.BaseUrl}\" is not an absolute URL").ConfigureAwait(false);
            return BadInput;
        }

        using var services = new ServiceCollection().AddParsing().AddNormalizing().BuildServiceProvider();
        var parser = services.GetRequiredService<FeedParser>();
        var normalizer = services.GetRequiredService<ItemNormalizer>();

        // NDJSON bound for the process's own stdout goes there as UTF-8 bytes; any other writer (a test's) gets text.
        using var stdout = request.Json && ReferenceEquals(output, Console.Out) ? Console.OpenStandardOutput() : null;
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using var json = ParseJsonWriter.CreateWriter(buffer);
        var exitCode = Success;
        foreach (var input in request.Inputs)
        {
            var report = await ParseInputAsync(input, baseUrl, zone, fetch, time, parser, normalizer, cancellationToken).ConfigureAwait(false);
            if (stdout is not null)
            {
                // Synchronous on purpose, as the file reads below: a console stream's WriteAsync is a thread-pool
                // hop per line, and waking a worker per input cost a 2,000-file run a tenth of its time.
                ParseJsonWriter.WriteLine(json, buffer, report);
                stdout.Write(buffer.WrittenSpan);
                buffer.ResetWrittenCount();
            }
            else
            {
                await output.WriteLineAsync(request.Json ? ParseJsonWriter.Write(report) : Summarize(report)).ConfigureAwait(false);
            }

            if (report.Error is not null)
            {
                await error.WriteLineAsync($"{input}: {report.Error}").ConfigureAwait(false);
                exitCode = BadInput;
            }
        }

        return exitCode;
    }

    private static async Task<ParseReport> ParseInputAsync(
        string input, Uri? baseUrl, TimeZoneInfo zone, Func<Uri, CancellationToken, Task<FetchResult>> fetch, TimeProvider time,
        FeedParser parser, ItemNormalizer normalizer, CancellationToken cancellationToken)
    {
        byte[] body;
        string? contentType = null;
        if (Uri.TryCreate(input, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            switch (await fetch(url, cancellationToken).ConfigureAwait(false))
            {
                case FetchResult.Fetched fetched:
                    body = fetched.Body;
                    contentType = fetched.ContentType;
                    baseUrl ??= fetched.FinalUrl;
                    break;
                case FetchResult.Failed failed:
                    return new ParseReport(input, FeedFormat.Unknown, null, $"fetch failed ({failed.Failure}): {failed.Detail}");
                default:
                    return new ParseReport(input, FeedFormat.Unknown, null, "fetch failed: the server answered 304 Not Modified to an unconditional request");
            }
        }
        else
        {
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                body = File.ReadAllBytes(input);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return new ParseReport(input, FeedFormat.Unknown, null, $"cannot read file: {e.Message}");
            }
        }

        var context = new ParseContext(baseUrl, zone, time.GetUtcNow(), contentType);
        return Run(input, body, context, parser, normalizer);
    }

    private static string Explain(FeedParseResult.Rejected rejected) => rejected switch
    {
        { Format: FeedFormat.Html, AdvertisedFeeds.Count: 0 } => $"{rejected.Reason}; the page advertises no feed",
        { Format: FeedFormat.Html } => $"{rejected.Reason}; the page advertises {string.Join(", ", rejected.AdvertisedFeeds.Select(u => u.AbsoluteUri))}",
        _ => rejected.Reason,
    };

    private static string Summarize(ParseReport report)
    {
        if (report.Feed is not { } feed)
        {
            return $"{report.File}: {report.Format.ToContractName()}, error: {report.Error}";
        }

        var lines = new List<string> { $"{report.File}: \"{feed.Title ?? "(untitled)"}\", {feed.Format.ToContractName()}, {feed.Items.Count} item(s)" };
        lines.AddRange(feed.Warnings.Select(w => $"  warning: {w}"));
        return string.Join(Environment.NewLine, lines);
    }

    private sealed record ParseRequest(IReadOnlyList<string> Inputs, bool Json, string? TimeZone, string? BaseUrl);
}
