namespace FeedHub.Extracting;

internal static class ExtractingRegistration
{
    /// <summary>The extractor is stateless apart from the shared sanitizer, which <c>AddNormalizing</c> registers.</summary>
    public static IServiceCollection AddExtracting(this IServiceCollection services)
    {
        services.AddSingleton<ArticleExtractor>();
        services.AddOptions<FullContentOptions>().BindConfiguration("FeedHub:FullContent").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FullContentFetcher>();
        return services;
    }
}
