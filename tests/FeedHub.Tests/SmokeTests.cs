using FeedHub.Parsing;
using Xunit;

namespace FeedHub.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Format_names_follow_the_contract() =>
        Assert.Equal("atom10", FeedFormat.Atom10.ToContractName());
}
