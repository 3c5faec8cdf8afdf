using System.ComponentModel.DataAnnotations;

namespace FeedHub.Push;

/// <summary>Bound from <c>FeedHub:WebSub</c>. WebSub is off until <see cref="CallbackBaseUrl"/> is set.</summary>
internal sealed class WebSubOptions
{
    /// <summary>
    /// The address hubs can reach this service at (its public base URL); callbacks are
    /// <c>{CallbackBaseUrl}/websub/{sourceId}</c>. Unset: feeds that advertise a hub are only polled.
    /// </summary>
    public Uri? CallbackBaseUrl { get; set; }

    /// <summary>The lease asked of hubs; a hub may grant another.</summary>
    [Range(60, 365 * 24 * 3600)]
    public int LeaseSeconds { get; set; } = 10 * 24 * 3600;

    /// <summary>A lease is renewed when it has less than this left (or a tenth of it, for short leases).</summary>
    public TimeSpan RenewBefore { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often leases are checked for renewal.</summary>
    public TimeSpan RenewalSweep { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A request the hub has not verified within this is asked again.</summary>
    public TimeSpan VerificationTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Largest pushed body accepted.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxContentBytes { get; set; } = 10 * 1024 * 1024;

    public bool Enabled => CallbackBaseUrl is not null;

    public Uri CallbackFor(Guid sourceId) => new(CallbackBaseUrl!, $"{CallbackBaseUrl!.AbsolutePath.TrimEnd('/')}/websub/{sourceId:N}");
}
