using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace FeedHub.Api;

internal static class ApiRegistration
{
    public const string RateLimitPolicy = "api";

    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiKeysOptions>()
            .Configure<IConfiguration>((options, config) => options.Keys = config.GetSection("FeedHub:ApiKeys").Get<List<ApiKeyDefinition>>() ?? [])
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiKeysOptions>, ApiKeysOptionsValidator>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiRoles.CanRead, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(ApiRoles.CanWrite, policy => policy.RequireRole(ApiRoles.Operator));

        // Per key (or address, before authentication): one runaway script cannot starve the others.
        var perMinute = configuration.GetValue("FeedHub:Api:RequestsPerMinute", 600);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        services.AddOpenApi("v1");
        services.AddSingleton<Admin.AdminAssets>();
        return services;
    }
}
