namespace FeedHub.Sources;

/// <summary>What an operator's change to the sources came to.</summary>
internal abstract record SourceEdit
{
    private SourceEdit() { }

    public sealed record Done(Source Source) : SourceEdit;

    public sealed record Invalid(IReadOnlyList<(string Field, string Message)> Errors) : SourceEdit;

    /// <summary>Another source already polls that URL.</summary>
    public sealed record Duplicate(Source Existing) : SourceEdit;

    public sealed record NotFound : SourceEdit;

    /// <summary>The source is declared in configuration, which would undo the change at the next sync.</summary>
    public sealed record DeclaredInConfiguration(Source Source) : SourceEdit;
}
