using FeedHub.Contracts;
using FeedHub.Dedup;
using FeedHub.Normalizing;
using Xunit;

namespace FeedHub.Tests.Dedup;

public sealed class ItemFingerprintTests
{
    private static readonly Uri Link = new("https://example.com/a");

    // Pinned: stored keys must not change when the code is refactored, or every stored item would reappear as new.
    [Fact]
    public void Key_is_stable_across_versions()
    {
        Assert.Equal("27411ba8e58b35bef9c1fac7dc840292", ItemFingerprint.Key("guid-1", null, "t", null));
        Assert.Equal("63aded9f147fdb2d458cbc8dbcb64178", ItemFingerprint.Key(null, Link, "t", null));
    }

    [Fact]
    public void Key_is_short_lowercase_hex()
    {
        var key = ItemFingerprint.Key("guid-1", Link, "Title", "text");

        Assert.Matches("^[0-9a-f]{32}$", key);
    }

    [Fact]
    public void Key_uses_the_guid_when_there_is_one() =>
        Assert.Equal(ItemFingerprint.Key("guid-1", Link, "Title", "a"), ItemFingerprint.Key("guid-1", new Uri("https://example.com/b"), "Other", "b"));

    [Fact]
    public void Key_falls_back_to_the_link() =>
        Assert.Equal(ItemFingerprint.Key(null, Link, "Title", "a"), ItemFingerprint.Key("", Link, "Other", "b"));

    [Fact]
    public void Key_falls_back_to_the_text()
    {
        Assert.Equal(ItemFingerprint.Key(null, null, "Title", "a"), ItemFingerprint.Key(null, null, "Title", "a"));
        Assert.NotEqual(ItemFingerprint.Key(null, null, "Title", "a"), ItemFingerprint.Key(null, null, "Title", "b"));
    }

    [Fact]
    public void Key_of_a_guid_never_equals_key_of_the_same_link() =>
        Assert.NotEqual(ItemFingerprint.Key(Link.AbsoluteUri, null, "t", null), ItemFingerprint.Key(null, Link, "t", null));

    // Pinned: a hash that changed between runs or versions would mark every stored item as edited.
    [Fact]
    public void Content_hash_is_stable_across_versions() =>
        Assert.Equal("75eff7185c682df13a17b848838863ead160f7581cbf34f2a3b04231fe9c12f7", ItemFingerprint.ContentHash(Item()));

    [Fact]
    public void Content_hash_is_stable_for_equal_items() =>
        Assert.Equal(ItemFingerprint.ContentHash(Item()), ItemFingerprint.ContentHash(Item()));

    [Fact]
    public void Content_hash_ignores_the_previous_hash() =>
        Assert.Equal(ItemFingerprint.ContentHash(Item()), ItemFingerprint.ContentHash(Item() with { ContentHash = "something" }));

    [Fact]
    public void Content_hash_changes_when_the_source_edits_the_item()
    {
        var original = ItemFingerprint.ContentHash(Item());

        Assert.NotEqual(original, ItemFingerprint.ContentHash(Item() with { Title = "Edited" }));
        Assert.NotEqual(original, ItemFingerprint.ContentHash(Item() with { Summary = "<p>edited</p>" }));
        Assert.NotEqual(original, ItemFingerprint.ContentHash(Item() with { Content = "<p>body</p>" }));
        Assert.NotEqual(original, ItemFingerprint.ContentHash(Item() with { Categories = ["x", "y"] }));
        Assert.NotEqual(original, ItemFingerprint.ContentHash(Item() with { Authors = [new FeedAuthor("B")] }));
        Assert.NotEqual(original, ItemFingerprint.ContentHash(Item() with { Enclosures = [new FeedEnclosure(new Uri("https://example.com/a.mp3"))] }));
        Assert.NotEqual(original, ItemFingerprint.ContentHash(Item() with { Updated = new DateTimeOffset(2026, 1, 20, 0, 0, 0, TimeSpan.Zero) }));
    }

    [Fact]
    public void Content_hash_tells_fields_apart() =>
        Assert.NotEqual(
            ItemFingerprint.ContentHash(Item() with { Summary = "ab", Content = null }),
            ItemFingerprint.ContentHash(Item() with { Summary = null, Content = "ab" }));

    private static NormalizedItem Item() => new()
    {
        Key = "k",
        Link = Link,
        Title = "Title",
        Summary = "<p>summary</p>",
        Authors = [new FeedAuthor("A")],
        Categories = ["x"],
        Published = new DateTimeOffset(2026, 1, 19, 0, 0, 0, TimeSpan.Zero),
        ContentHash = string.Empty,
    };
}
