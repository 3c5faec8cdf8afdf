namespace FeedHub.Sources.Opml;

/// <summary>Collects what happened to each listing, so the result reads in the file's order.</summary>
internal sealed class OpmlImportTally(OpmlImportPlan plan)
{
    private readonly List<(int Index, OpmlDuplicate Duplicate)> duplicates = [];
    private int added;

    public void Added(OpmlImportEntry entry, Guid id)
    {
        added++;
        RepeatsOf(entry, id);
    }

    public void AlreadyStored(OpmlImportEntry entry, Guid existingId)
    {
        duplicates.Add((entry.Index, new OpmlDuplicate(entry.Url.AbsoluteUri, existingId, entry.Definition.Name)));
        RepeatsOf(entry, existingId);
    }

    public OpmlImportResult ToResult() => new(
        plan.Total,
        added,
        [.. duplicates.OrderBy(d => d.Index).Select(d => d.Duplicate)],
        [.. plan.Invalid.OrderBy(i => i.Index).Select(i => i.Invalid)]);

    private void RepeatsOf(OpmlImportEntry entry, Guid id) =>
        duplicates.AddRange(entry.Repeats.Select(r => (r.Index, new OpmlDuplicate(entry.Url.AbsoluteUri, id, r.Title))));
}
