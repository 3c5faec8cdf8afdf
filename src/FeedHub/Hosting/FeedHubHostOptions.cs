using MassTransit;

namespace FeedHub.Hosting;

/// <summary>How a host is built beyond its configuration: where it finds appsettings, and extra bus consumers.</summary>
internal sealed class FeedHubHostOptions
{
    /// <summary>Folder holding appsettings.json; the program's own folder by default.</summary>
    public string ContentRoot { get; init; } = AppContext.BaseDirectory;

    /// <summary>Applied to configuration before anything reads it.</summary>
    public Action<IConfigurationBuilder>? ConfigureConfiguration { get; init; }

    /// <summary>Extra consumers on the same bus (the example consumer, tests).</summary>
    public Action<IBusRegistrationConfigurator>? ConfigureBus { get; init; }
}
