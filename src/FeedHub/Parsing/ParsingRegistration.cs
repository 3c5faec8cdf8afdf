namespace FeedHub.Parsing;

internal static class ParsingRegistration
{
    public static IServiceCollection AddParsing(this IServiceCollection services)
    {
        services.AddSingleton(ParserLimits.Default);
        services.AddSingleton<FeedParser>();
        services.AddSingleton<Listing.HtmlListingReader>();
        return services;
    }
}
