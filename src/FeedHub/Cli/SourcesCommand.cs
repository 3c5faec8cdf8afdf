using System.CommandLine;
using System.Text;
using FeedHub.Sources.Opml;

namespace FeedHub.Cli;

/// <summary>`feedhub sources import|export`: OPML in and out of the configured database.</summary>
internal static class SourcesCommand
{
    private const int Success = 0;
    private const int BadInput = FeedHubCommandLine.BadArguments;

    /// <summary>Below this many outlines an import takes a moment; above it, progress lines show it is moving.</summary>
    private const int ProgressThreshold = 500;

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The OPML file to import." };
        var import = new Command("import", "Add the feeds of an OPML file as sources (folders and categories become tags).")
        {
            file,
        };
        import.TreatUnmatchedTokensAsErrors = false;
        import.SetAction((parseResult, cancellationToken) => ImportAsync(
            parseResult.GetValue(file)!, [.. parseResult.UnmatchedTokens],
            parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, cancellationToken));

        var output = new Option<string?>("--output", "-o") { Description = "Write the OPML to this file instead of standard output." };
        var export = new Command("export", "Write the sources as OPML 2.0, tags as folders; archived sources are left out.")
        {
            output,
        };
        export.TreatUnmatchedTokensAsErrors = false;
        export.SetAction((parseResult, cancellationToken) => ExportAsync(
            parseResult.GetValue(output), [.. parseResult.UnmatchedTokens],
            parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, cancellationToken));

        return new Command("sources", "Import and export sources as OPML.") { import, export };
    }

    private static async Task<int> ImportAsync(string file, string[] hostArgs, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        byte[] body;
        try
        {
            if (new FileInfo(file).Length > OpmlLimits.MaxBytes)
            {
                await error.WriteLineAsync($"sources import: {file} is larger than {OpmlLimits.MaxBytes / (1024 * 1024)} MB; split it").ConfigureAwait(false);
                return BadInput;
            }

            body = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await error.WriteLineAsync($"sources import: cannot read {file}: {e.Message}").ConfigureAwait(false);
            return BadInput;
        }

        var read = OpmlReader.Read(body);
        if (read is OpmlReadResult.Rejected rejected)
        {
            await error.WriteLineAsync($"sources import: {file} is not OPML: {rejected.Reason}").ConfigureAwait(false);
            return BadInput;
        }

        var feeds = ((OpmlReadResult.Read)read).Feeds;
        using var host = await CliDatabase.OpenAsync(hostArgs, cancellationToken).ConfigureAwait(false);
        await using var scope = host.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<OpmlImporter>();
        var progress = feeds.Count >= ProgressThreshold ? ProgressPrinter(error) : null;
        var result = await importer.ImportAsync(feeds, progress, cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(Summary(file, result)).ConfigureAwait(false);
        return Success;
    }

    private static async Task<int> ExportAsync(string? file, string[] hostArgs, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        byte[] document;
        using (var host = await CliDatabase.OpenAsync(hostArgs, cancellationToken).ConfigureAwait(false))
        {
            await using var scope = host.Services.CreateAsyncScope();
            document = await scope.ServiceProvider.GetRequiredService<OpmlExporter>().ExportAsync(cancellationToken).ConfigureAwait(false);
        }

        if (file is null)
        {
            await output.WriteAsync(Encoding.UTF8.GetString(document)).ConfigureAwait(false);
            await output.WriteLineAsync().ConfigureAwait(false);
            return Success;
        }

        try
        {
            await File.WriteAllBytesAsync(file, document, cancellationToken).ConfigureAwait(false);
            return Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await error.WriteLineAsync($"sources export: cannot write {file}: {e.Message}").ConfigureAwait(false);
            return BadInput;
        }
    }

    private static Func<OpmlImportProgress, CancellationToken, Task> ProgressPrinter(TextWriter error) =>
        (progress, _) => error.WriteLineAsync($"sources import: {progress.Processed}/{progress.Total} outlines");

    private static string Summary(string file, OpmlImportResult result)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"{file}: {result.Total} feed outline(s): {result.Added} added, {result.Duplicates.Count} duplicate(s), {result.Invalid.Count} invalid"));
        foreach (var duplicate in result.Duplicates)
        {
            text.AppendLine(Invariant($"  duplicate: {duplicate.Url} is already source {duplicate.ExistingId}"));
        }

        foreach (var invalid in result.Invalid)
        {
            text.AppendLine(Invariant($"  invalid: {invalid.Url ?? invalid.Title ?? "(outline without URL or title)"}: {string.Join(" ", invalid.Errors)}"));
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
