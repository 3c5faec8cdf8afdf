namespace FeedHub.Extracting;

internal static class ExtractingRegistration
{
    /// <summary>The extractor is stateless apart from the shared sanitizer, which <c>AddNormalizing</c> registers.</summary>
    public static IServiceCollection AddExtracting(this IServiceCollection services)
    {
        services.AddSingleton<ArticleExtractor>();
        return services;
    }
}
