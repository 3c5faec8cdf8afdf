using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FeedHub.Fetching;

internal static class FetchingRegistration
{
    public static IServiceCollection AddFetching(this IServiceCollection services)
    {
        services.AddOptions<FetchingOptions>().BindConfiguration("FeedHub:Fetching").ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(FeedFetcher.ClientName, (sp, client) =>
            {
                // FeedFetcher enforces the time limit itself, covering the body as well as the headers.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.Clear();
                client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", sp.GetRequiredService<IOptions<FetchingOptions>>().Value.UserAgent);
            })
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var options = sp.GetRequiredService<IOptions<FetchingOptions>>().Value;
                return new SocketsHttpHandler
                {
                    AutomaticDecompression = DecompressionMethods.All,
                    // FeedFetcher follows redirects itself (see RedirectTrail); every hop still connects through the guard.
                    AllowAutoRedirect = false,
                    ConnectTimeout = options.ConnectTimeout,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    MaxResponseHeadersLength = 64,
                    UseCookies = false,

                    // A proxy would connect on our behalf, past the address check in the connect callback.
                    UseProxy = false,
                    ConnectCallback = new GuardedConnector(options.AllowPrivateNetworks).ConnectAsync,
                };
            });
        services.AddSingleton<FeedFetcher>();
        services.AddSingleton<Politeness.HostGate>();
        services.AddSingleton<Politeness.PoliteFetcher>();
        return services;
    }
}
