using System.Text.Json;
using Xunit;

namespace FeedHub.Tests.Deploy;

/// <summary>deploy/Dockerfile as instructions grouped into stages (continuation lines joined, comments dropped).</summary>
internal sealed class Dockerfile
{
    private Dockerfile(IReadOnlyList<DockerfileStage> stages) => Stages = stages;

    public IReadOnlyList<DockerfileStage> Stages { get; }

    public DockerfileStage Final => Stages[^1];

    public DockerfileStage Stage(string name) =>
        Stages.SingleOrDefault(stage => stage.Name == name) ?? throw new Xunit.Sdk.XunitException($"The Dockerfile has no stage named {name}.");

    /// <summary>The stages a stage is built on, nearest first, ending with the one that names an image.</summary>
    public IEnumerable<DockerfileStage> Lineage(DockerfileStage stage)
    {
        for (DockerfileStage? current = stage; current is not null; current = Stages.SingleOrDefault(s => s.Name == current.BaseImage))
        {
            yield return current;
        }
    }

    public static Dockerfile Parse(string text)
    {
        var stages = new List<DockerfileStage>();
        var logical = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (logical.Length == 0 && (line.TrimStart().StartsWith('#') || string.IsNullOrWhiteSpace(line)))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                logical += line[..^1] + " ";
                continue;
            }

            logical += line;
            var trimmed = logical.Trim();
            logical = "";
            var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
            var instruction = new DockerInstruction(trimmed[..space].ToUpperInvariant(), trimmed[(space + 1)..].Trim());
            if (instruction.Keyword == "FROM")
            {
                var parts = instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var name = parts.Length >= 3 && parts[^2].Equals("AS", StringComparison.OrdinalIgnoreCase) ? parts[^1] : null;
                stages.Add(new DockerfileStage(parts[0], name));
            }
            else
            {
                Assert.True(stages.Count > 0, $"{instruction.Keyword} comes before any FROM.");
                stages[^1].Instructions.Add(instruction);
            }
        }

        return new Dockerfile(stages);
    }
}

internal sealed record DockerfileStage(string BaseImage, string? Name)
{
    public List<DockerInstruction> Instructions { get; } = [];

    public IEnumerable<DockerInstruction> All(string keyword) => Instructions.Where(i => i.Keyword == keyword);

    public DockerInstruction? Last(string keyword) => All(keyword).LastOrDefault();
}

internal sealed record DockerInstruction(string Keyword, string Arguments)
{
    /// <summary>The arguments without leading <c>--flag=value</c> options.</summary>
    public IReadOnlyList<string> Words =>
        [.. Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(word => word.StartsWith("--", StringComparison.Ordinal))];

    public IReadOnlyList<string> Flags =>
        [.. Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeWhile(word => word.StartsWith("--", StringComparison.Ordinal))];

    /// <summary>The exec form (<c>["a", "b"]</c>) of ENTRYPOINT, CMD, or HEALTHCHECK's CMD.</summary>
    public IReadOnlyList<string> ExecForm(string? after = null)
    {
        var text = after is null ? Arguments : Arguments[(Arguments.IndexOf(after, StringComparison.Ordinal) + after.Length)..];
        return JsonSerializer.Deserialize<string[]>(text.Trim()) ?? [];
    }
}
