using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace FeedHub.Tests.Parsing;

/// <summary>Compares output with a checked-in expected file; FEEDHUB_ACCEPT_GOLDEN=1 rewrites the file instead.</summary>
internal static class Golden
{
    private static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static bool Accepting => Environment.GetEnvironmentVariable("FEEDHUB_ACCEPT_GOLDEN") == "1";

    /// <param name="expectedFile">File name inside Parsing/Fixtures.</param>
    public static void AssertMatches(string actualJson, string expectedFile, [CallerFilePath] string callerPath = "")
    {
        var actual = JsonNode.Parse(actualJson);
        var outputPath = Path.Combine(ParsingFixtures.Directory, expectedFile);
        if (Accepting)
        {
            // The copy in bin is refreshed too, so a rerun without the variable passes at once.
            var sourcePath = Path.Combine(Path.GetDirectoryName(callerPath)!, "Fixtures", expectedFile);
            var text = actual!.ToJsonString(Pretty) + "\n";
            File.WriteAllText(sourcePath, text);
            File.WriteAllText(outputPath, text);
            return;
        }

        Assert.True(File.Exists(outputPath), $"{expectedFile} is missing; run the tests with FEEDHUB_ACCEPT_GOLDEN=1 to create it");
        var expected = JsonNode.Parse(File.ReadAllText(outputPath));
        if (!JsonNode.DeepEquals(expected, actual))
        {
            Assert.Equal(expected!.ToJsonString(Pretty), actual!.ToJsonString(Pretty));
        }
    }
}
