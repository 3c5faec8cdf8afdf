using FeedHub.Fetching;

namespace FeedHub.Cli;

/// <summary>
/// The configuration and stages a one-shot verb needs, read the way the service reads them
/// (appsettings.json beside the program, then environment variables), without starting the service.
/// </summary>
internal sealed class CliServices : IDisposable
{
    private readonly Lazy<ServiceProvider> provider;

    public CliServices()
    {
        Configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        provider = new Lazy<ServiceProvider>(() =>
        {
            var services = new ServiceCollection();
            services.AddSingleton(Configuration);
            services.AddLogging();
            services.AddFetching();
            return services.BuildServiceProvider();
        });
    }

    public IConfiguration Configuration { get; }

    /// <summary>Fetches with the service's fetcher: same limits, same address checks, same User-Agent.</summary>
    public Task<FetchResult> FetchAsync(Uri url, CancellationToken cancellationToken) =>
        provider.Value.GetRequiredService<FeedFetcher>().FetchAsync(new FetchRequest(url, CacheValidators.None), cancellationToken);

    public void Dispose()
    {
        if (provider.IsValueCreated)
        {
            provider.Value.Dispose();
        }
    }
}
