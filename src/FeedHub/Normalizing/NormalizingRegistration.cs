namespace FeedHub.Normalizing;

internal static class NormalizingRegistration
{
    public static IServiceCollection AddNormalizing(this IServiceCollection services)
    {
        services.AddSingleton<ContentSanitizer>();
        services.AddSingleton<ItemNormalizer>();
        return services;
    }
}
