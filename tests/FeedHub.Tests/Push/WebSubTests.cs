using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using FeedHub.Push;
using FeedHub.Tests.EndToEnd;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace FeedHub.Tests.Push;

/// <summary>FeedHub as a WebSub subscriber, against the small hub above, end to end.</summary>
public sealed class WebSubTests : IAsyncLifetime
{
    private const string OperatorKey = "fh_test_websub_operator";
    private readonly string dataFolder = Directory.CreateTempSubdirectory("feedhub-websub-").FullName;
    private TestWebSubHub hub = null!;
    private TestFeedServer feeds = null!;
    private TestFeedHub service = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        hub = await TestWebSubHub.StartAsync();
        hub.GrantedLeaseSeconds = 4;
        feeds = await TestFeedServer.StartAsync();
        feeds.Publish("push.xml", Feed("a", "b"));
        var port = FreePort();
        service = await TestFeedHub.StartAsync(dataFolder, new Dictionary<string, string?>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["FeedHub:WebSub:CallbackBaseUrl"] = $"http://127.0.0.1:{port}/",
            ["FeedHub:WebSub:RenewalSweep"] = "00:00:00.500",
            ["FeedHub:WebSub:RenewBefore"] = "00:00:02",
            ["FeedHub:ApiKeys:0:Name"] = "operator",
            ["FeedHub:ApiKeys:0:Hash"] = FeedHub.Api.ApiKeyHash.Of(OperatorKey),
            ["FeedHub:ApiKeys:0:Role"] = "Operator",
            ["FeedHub:Sources:0:Name"] = "Push",
            ["FeedHub:Sources:0:Url"] = feeds.UrlOf("push.xml").AbsoluteUri,
        }, Cancellation);
    }

    public async ValueTask DisposeAsync()
    {
        await service.DisposeAsync();
        await feeds.DisposeAsync();
        await hub.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataFolder, recursive: true);
    }

    [Fact]
    public async Task A_feed_advertising_a_hub_is_subscribed_verified_and_its_pushes_are_stored_and_published_without_a_poll()
    {
        await Eventually.HoldsAsync(() => !hub.Verified.IsEmpty, "the hub verified the subscription");
        var subscription = hub.Verified.First();
        Assert.Equal("subscribe", subscription.Mode);
        Assert.Equal(feeds.UrlOf("push.xml").AbsoluteUri, subscription.Topic);
        Assert.Equal(64, subscription.Secret.Length);
        Assert.False(await hub.VerifyAsync(subscription, topic: "https://elsewhere.example.test/feed"), "an intent for a topic FeedHub never asked for is refused");
        var polls = feeds.Requests.Count;

        Assert.Equal(202, await hub.PublishAsync(subscription, Feed("a", "b", "pushed")));

        await Eventually.HoldsAsync(() => service.Messages.Published.Any(m => m.Message.Item.Title == "Tin pushed"), "the pushed item was published");
        Assert.Equal(polls, feeds.Requests.Count);
        Assert.Equal(3, await service.WithDbAsync(db => db.Items.CountAsync(Cancellation)));
        var stored = await service.WithDbAsync(db => db.WebSubSubscriptions.SingleAsync(Cancellation));
        Assert.Equal(WebSubState.Active, stored.State);
        Assert.NotNull(stored.LastContentAt);
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", OperatorKey);
        var listed = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/sources", UriKind.Relative), Cancellation);
        var push = listed.GetProperty("items")[0].GetProperty("health").GetProperty("push");
        Assert.Equal("active", push.GetProperty("state").GetString());
        Assert.Equal(hub.Url.AbsoluteUri, push.GetProperty("hub").GetString());
    }

    [Fact]
    public async Task Content_with_a_wrong_signature_is_acknowledged_and_ignored()
    {
        await Eventually.HoldsAsync(() => !hub.Verified.IsEmpty, "the hub verified the subscription");
        var subscription = hub.Verified.First();

        Assert.Equal(202, await hub.PublishAsync(subscription, Feed("forged"), signWith: "not the secret"));

        await Task.Delay(TimeSpan.FromMilliseconds(500), Cancellation);
        Assert.Equal(0, await service.WithDbAsync(db => db.Items.CountAsync(i => i.Title == "Tin forged", Cancellation)));
        Assert.DoesNotContain(service.Messages.Published, m => m.Message.Item.Title == "Tin forged");
    }

    [Fact]
    public async Task A_short_lease_is_renewed_before_it_runs_out()
    {
        await Eventually.HoldsAsync(() => !hub.Verified.IsEmpty, "the hub verified the subscription");

        await Eventually.HoldsAsync(() => hub.Verified.Count >= 2, "the lease was renewed", TimeSpan.FromSeconds(15));

        var renewed = await service.WithDbAsync(db => db.WebSubSubscriptions.SingleAsync(Cancellation));
        Assert.Equal(WebSubState.Active, renewed.State);
        Assert.True(renewed.LeaseUntil > TimeProvider.System.GetUtcNow());
        Assert.Equal(hub.Verified.First().Secret, hub.Verified.Last().Secret);
    }

    private string Feed(params string[] keys)
    {
        var self = feeds.UrlOf("push.xml").AbsoluteUri;
        var entries = string.Concat(keys.Select((key, i) => $"""
            <entry><id>urn:push:{key}</id><title>Tin {key}</title><link href="https://news.example.test/{key}.html"/>
            <updated>2026-01-19T0{i}:00:00Z</updated></entry>
            """));
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Push</title><id>urn:push</id><updated>2026-01-19T00:00:00Z</updated>
            <link rel="hub" href="{hub.Url}"/><link rel="self" href="{self}"/>{entries}</feed>
            """;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
