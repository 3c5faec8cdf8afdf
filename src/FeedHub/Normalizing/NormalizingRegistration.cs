namespace FeedHub.Normalizing;

internal static class NormalizingRegistration
{
    public static IServiceCollection AddNormalizing(this IServiceCollection services)
    {
        // `feedhub parse` builds these stages without a configuration; the defaults apply there.
        services.AddSingleton(sp => new ContentSanitizer(NormalizingOptions.From(sp.GetService<IConfiguration>())));
        services.AddSingleton<ItemNormalizer>();
        return services;
    }
}
