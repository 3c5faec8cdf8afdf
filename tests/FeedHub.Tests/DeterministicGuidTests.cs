using Xunit;

namespace FeedHub.Tests;

public sealed class DeterministicGuidTests
{
    private static readonly Guid DnsNamespace = new("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    private static readonly Guid UrlNamespace = new("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    [Fact]
    public void Matches_the_RFC_version_5_algorithm() =>
        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), DeterministicGuid.Create(DnsNamespace, "www.example.com"));

    [Fact]
    public void Handles_non_ascii_names_as_utf8() =>
        Assert.Equal(new Guid("1127dccf-6665-5124-ada3-22846b7de435"), DeterministicGuid.Create(UrlNamespace, "https://vnexpress.net/rss/tin-moi-nhat.rss"));

    [Fact]
    public void Same_name_gives_same_id_and_different_names_differ()
    {
        Assert.Equal(DeterministicGuid.Create("published:abc"), DeterministicGuid.Create("published:abc"));
        Assert.NotEqual(DeterministicGuid.Create("published:abc"), DeterministicGuid.Create("updated:abc"));
    }

    [Fact]
    public void A_name_far_larger_than_the_stack_allows_gives_a_stable_id()
    {
        var url = "https://news.example.test/rss?q=" + new string('x', 2_000_000);
        Assert.Equal(new Guid("cfc11b34-06f5-5404-bc50-2a211317a864"), DeterministicGuid.Create(DnsNamespace, new string('x', 5000)));

        Assert.Equal(DeterministicGuid.Create(url), DeterministicGuid.Create(url));
        Assert.NotEqual(DeterministicGuid.Create(url), DeterministicGuid.Create(url + "y"));
    }
}
