using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using FeedHub.Storage;
using Microsoft.EntityFrameworkCore;

namespace FeedHub.Feeds;

/// <summary>
/// One entry per story in a feed that asks for it. The entry kept is the story's earliest telling among the
/// feed's own items, so a reader who already has it never sees the story again as a new entry when another
/// outlet picks it up; the later tellings become links under it.
/// </summary>
internal static class StoryCollapse
{
    // Outlet names stay readable in the feed's source: only markup characters are escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Leaves out every item that an earlier item of the same story, in the same selection, stands for.</summary>
    public static IQueryable<StoredItem> FirstTellings(IQueryable<StoredItem> items, IQueryable<StoredItem> selection) =>
        items.Where(i => i.ClusterId == null
            || !selection.Any(other => other.ClusterId == i.ClusterId
                && (other.SortAt < i.SortAt || (other.SortAt == i.SortAt && other.DiscoveredAt < i.DiscoveredAt))));

    /// <summary>The other tellings of the page's stories, by cluster, oldest first.</summary>
    public static async Task<ILookup<Guid, StoryRetelling>> RetellingsAsync(
        FeedHubDbContext db, IQueryable<StoredItem> selection, IReadOnlyList<StoredItem> page, CancellationToken cancellationToken)
    {
        var clusters = page.Where(i => i.ClusterId is not null).Select(i => i.ClusterId).Distinct().ToList();
        if (clusters.Count == 0)
        {
            return Array.Empty<StoryRetelling>().ToLookup(_ => Guid.Empty);
        }

        var shown = page.Select(i => i.Id).ToList();
        var rows = await selection
            .Where(i => clusters.Contains(i.ClusterId) && !shown.Contains(i.Id))
            .Join(db.Sources, i => i.SourceId, s => s.Id, (i, s) => new { ClusterId = i.ClusterId!.Value, i.SortAt, i.Link, Outlet = s.Name })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.OrderBy(r => r.SortAt)
            .ToLookup(r => r.ClusterId, r => new StoryRetelling(r.Outlet, r.Link is null ? null : new Uri(r.Link)));
    }

    /// <summary>The links as a paragraph under the entry's text, so every reader shows them, whatever its format.</summary>
    public static string? AppendTo(string? html, IReadOnlyList<StoryRetelling> retellings, bool vietnamese) =>
        retellings.Count == 0 || string.IsNullOrEmpty(html) ? html : html + Paragraph(retellings, vietnamese);

    /// <summary>"Cùng đưa tin: Tuổi Trẻ, Dân trí", each outlet linking its own telling.</summary>
    public static string Paragraph(IReadOnlyList<StoryRetelling> retellings, bool vietnamese)
    {
        var paragraph = new StringBuilder("<p class=\"also\">").Append(vietnamese ? "Cùng đưa tin: " : "Also reported by: ");
        for (var i = 0; i < retellings.Count; i++)
        {
            var retelling = retellings[i];
            paragraph.Append(i > 0 ? ", " : string.Empty);
            if (retelling.Link is { } link)
            {
                paragraph.Append("<a href=\"").Append(Encoder.Encode(link.AbsoluteUri)).Append("\">").Append(Encoder.Encode(retelling.Outlet)).Append("</a>");
            }
            else
            {
                paragraph.Append(Encoder.Encode(retelling.Outlet));
            }
        }

        return paragraph.Append("</p>").ToString();
    }
}
