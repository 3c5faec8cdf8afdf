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
}
