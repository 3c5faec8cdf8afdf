using FeedHub.Fetching;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace FeedHub.Tests.Fetching;

public sealed class FeedFetcherTests : IAsyncLifetime
{
    private MisbehavingServer server = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => server = await MisbehavingServer.StartAsync();

    public ValueTask DisposeAsync() => server.DisposeAsync();

    [Fact]
    public async Task An_unchanged_feed_costs_a_304_after_the_first_fetch()
    {
        using var services = Build();
        var fetcher = services.GetRequiredService<FeedFetcher>();

        var first = Assert.IsType<FetchResult.Fetched>(await fetcher.FetchAsync(new FetchRequest(server.Url("/feed"), CacheValidators.None), Cancellation));
        Assert.Equal(MisbehavingServer.ETag, first.Validators.ETag);
        Assert.Equal(MisbehavingServer.LastModified, first.Validators.LastModified);

        var second = await fetcher.FetchAsync(new FetchRequest(server.Url("/feed"), first.Validators), Cancellation);

        var notModified = Assert.IsType<FetchResult.NotModified>(second);
        Assert.Equal(first.Validators, notModified.Validators);
        var conditional = server.Requests.Last();
        Assert.Equal(MisbehavingServer.ETag, conditional["If-None-Match"]);
        Assert.Equal(MisbehavingServer.LastModified, conditional["If-Modified-Since"]);
    }

    [Fact]
    public async Task Sends_its_user_agent_and_asks_for_feeds_and_compression()
    {
        using var services = Build(("FeedHub:Fetching:UserAgent", "FeedHub-test/2.0"));

        await services.GetRequiredService<FeedFetcher>().FetchAsync(new FetchRequest(server.Url("/feed"), CacheValidators.None), Cancellation);

        var request = server.Requests.Last();
        Assert.Equal("FeedHub-test/2.0", request.UserAgent);
        Assert.Contains("application/rss+xml", request.Accept.ToString(), StringComparison.Ordinal);
        Assert.Contains("gzip", request.AcceptEncoding.ToString(), StringComparison.Ordinal);
        Assert.Contains("br", request.AcceptEncoding.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gzip_body_is_decompressed()
    {
        using var services = Build();

        var fetched = Assert.IsType<FetchResult.Fetched>(await services.GetRequiredService<FeedFetcher>().FetchAsync(new FetchRequest(server.Url("/gzip"), CacheValidators.None), Cancellation));

        Assert.Equal(MisbehavingServer.Feed, System.Text.Encoding.UTF8.GetString(fetched.Body));
    }

    [Theory]
    [InlineData("/large", nameof(FetchFailure.TooLarge))]
    [InlineData("/bomb", nameof(FetchFailure.TooLarge))]
    [InlineData("/empty", nameof(FetchFailure.EmptyBody))]
    [InlineData("/status/401", nameof(FetchFailure.Unauthorized))]
    [InlineData("/status/404", nameof(FetchFailure.NotFound))]
    [InlineData("/status/410", nameof(FetchFailure.Gone))]
    [InlineData("/status/418", nameof(FetchFailure.ClientError))]
    [InlineData("/status/500", nameof(FetchFailure.ServerError))]
    [InlineData("/loop", nameof(FetchFailure.TooManyRedirects))]
    [InlineData("/reset", nameof(FetchFailure.Network))]
    public async Task Classifies_what_went_wrong(string path, string expected)
    {
        using var services = Build(("FeedHub:Fetching:MaxBodyBytes", "32768"));

        var failed = Assert.IsType<FetchResult.Failed>(await services.GetRequiredService<FeedFetcher>().FetchAsync(new FetchRequest(server.Url(path), CacheValidators.None), Cancellation));

        Assert.Equal(expected, failed.Failure.ToString());
        Assert.False(string.IsNullOrWhiteSpace(failed.Detail));
    }

    [Theory]
    [InlineData(429, nameof(FetchFailure.RateLimited))]
    [InlineData(503, nameof(FetchFailure.ServerError))]
    public async Task Keeps_the_servers_retry_after(int status, string expected)
    {
        using var services = Build();

        var failed = Assert.IsType<FetchResult.Failed>(await services.GetRequiredService<FeedFetcher>().FetchAsync(new FetchRequest(server.Url($"/status/{status}"), CacheValidators.None), Cancellation));

        Assert.Equal(expected, failed.Failure.ToString());
        Assert.Equal(status, failed.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), failed.RetryAfter);
    }

    [Fact]
    public async Task Follows_a_redirect_and_reports_where_the_feed_now_is()
    {
        using var services = Build();

        var fetched = Assert.IsType<FetchResult.Fetched>(await services.GetRequiredService<FeedFetcher>().FetchAsync(new FetchRequest(server.Url("/moved"), CacheValidators.None), Cancellation));

        Assert.Equal(server.Url("/feed"), fetched.FinalUrl);
    }

    [Fact]
    public async Task A_server_too_slow_to_answer_is_a_timeout()
    {
        using var services = Build(("FeedHub:Fetching:Timeout", "00:00:00.500"));

        var failed = Assert.IsType<FetchResult.Failed>(await services.GetRequiredService<FeedFetcher>().FetchAsync(new FetchRequest(server.Url("/slow"), CacheValidators.None), Cancellation));

        Assert.Equal(FetchFailure.Timeout, failed.Failure);
    }

    [Fact]
    public async Task Loopback_addresses_are_refused_unless_private_networks_are_allowed()
    {
        using var services = Build(("FeedHub:Fetching:AllowPrivateNetworks", "false"));

        var failed = Assert.IsType<FetchResult.Failed>(await services.GetRequiredService<FeedFetcher>().FetchAsync(new FetchRequest(server.Url("/feed"), CacheValidators.None), Cancellation));

        Assert.Equal(FetchFailure.Refused, failed.Failure);
        Assert.Contains("AllowPrivateNetworks", failed.Detail, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_host_that_does_not_resolve_is_a_dns_failure()
    {
        using var services = Build();

        var failed = Assert.IsType<FetchResult.Failed>(await services.GetRequiredService<FeedFetcher>().FetchAsync(new FetchRequest(new Uri("http://feed.example.invalid/rss"), CacheValidators.None), Cancellation));

        Assert.Equal(FetchFailure.Dns, failed.Failure);
        Assert.Contains("feed.example.invalid", failed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_mistaken_for_a_timeout()
    {
        using var services = Build();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            services.GetRequiredService<FeedFetcher>().FetchAsync(new FetchRequest(server.Url("/slow"), CacheValidators.None), cancel.Token));
    }

    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?> { ["FeedHub:Fetching:AllowPrivateNetworks"] = "true" };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging();
        services.AddFetching();
        return services.BuildServiceProvider();
    }
}
