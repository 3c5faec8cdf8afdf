namespace FeedHub.Push;

internal static class PushRegistration
{
    public static IServiceCollection AddPush(this IServiceCollection services)
    {
        services.AddOptions<WebSubOptions>().BindConfiguration("FeedHub:WebSub").ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<WebSubSubscriber>();
        services.AddScoped<PushedContentReceiver>();
        return services;
    }

    /// <summary>Renewals run where polls run: on workers.</summary>
    public static IServiceCollection AddPushRenewals(this IServiceCollection services) =>
        services.AddHostedService<WebSubLeaseRenewer>();
}
