using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FeedHub.Tests.EndToEnd;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FeedHub.Tests.Push;

/// <summary>
/// A small WebSub hub: accepts subscription requests, verifies each intent at the subscriber's callback
/// as the W3C recommendation says, and distributes content signed with the subscriber's secret.
/// </summary>
internal sealed class TestWebSubHub : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private TestWebSubHub(WebApplication app) => this.app = app;

    public ConcurrentQueue<Subscription> Requests { get; } = new();

    /// <summary>Verifications the subscriber confirmed by echoing the challenge.</summary>
    public ConcurrentQueue<Subscription> Verified { get; } = new();

    /// <summary>The lease the hub grants, whatever was asked.</summary>
    public int GrantedLeaseSeconds { get; set; } = 3600;

    public Uri Url { get; private set; } = null!;

    public static async Task<TestWebSubHub> StartAsync()
    {
        var hub = new TestWebSubHub(LoopbackServer.CreateBuilder().Build());
        hub.app.MapPost("/hub", hub.SubscribeAsync);
        await hub.app.StartAsync();
        hub.Url = new Uri(LoopbackServer.AddressOf(hub.app.Services), "/hub");
        return hub;
    }

    /// <summary>Asks the callback to confirm a subscription; true when it echoed the challenge.</summary>
    public async Task<bool> VerifyAsync(Subscription subscription, string? topic = null)
    {
        var challenge = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var query = $"hub.mode=subscribe&hub.topic={Uri.EscapeDataString(topic ?? subscription.Topic)}&hub.challenge={challenge}&hub.lease_seconds={GrantedLeaseSeconds.ToString(CultureInfo.InvariantCulture)}";
        using var response = await http.GetAsync(new Uri($"{subscription.Callback}?{query}"));
        return response.IsSuccessStatusCode && await response.Content.ReadAsStringAsync() == challenge;
    }

    /// <summary>Distributes content to a subscriber, signed with its secret unless another is given.</summary>
    public async Task<int> PublishAsync(Subscription subscription, string content, string? signWith = null)
    {
        var body = Encoding.UTF8.GetBytes(content);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Callback) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/atom+xml");
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signWith ?? subscription.Secret), body));
        request.Headers.TryAddWithoutValidation("X-Hub-Signature", $"sha256={signature}");
        using var response = await http.SendAsync(request);
        return (int)response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await app.DisposeAsync();
    }

    private async Task<IResult> SubscribeAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var subscription = new Subscription(form["hub.mode"].ToString(), form["hub.topic"].ToString(), new Uri(form["hub.callback"].ToString()), form["hub.secret"].ToString(), form["hub.lease_seconds"].ToString());
        Requests.Enqueue(subscription);

        // Verification is asynchronous: the hub answers 202 first, then calls back.
        _ = Task.Run(async () =>
        {
            if (await VerifyAsync(subscription))
            {
                Verified.Enqueue(subscription);
            }
        });
        return Results.Accepted();
    }

    public sealed record Subscription(string Mode, string Topic, Uri Callback, string Secret, string LeaseSeconds);
}
