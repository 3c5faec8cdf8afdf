using System.ComponentModel.DataAnnotations;

namespace FeedHub.Hosting;

internal enum BusTransport
{
    InMemory,
    RabbitMq,
}

/// <summary>Bound from <c>FeedHub:Bus</c>.</summary>
internal sealed class BusOptions
{
    public BusTransport Transport { get; set; } = BusTransport.InMemory;

    public RabbitMqOptions RabbitMq { get; set; } = new();
}

/// <summary>Bound from <c>FeedHub:Bus:RabbitMq</c>.</summary>
internal sealed class RabbitMqOptions
{
    [Required(AllowEmptyStrings = false)]
    public string Host { get; set; } = "localhost";

    [Range(1, 65535)]
    public int Port { get; set; } = 5672;

    public string Username { get; set; } = "guest";

    public string Password { get; set; } = "guest";

    public string VirtualHost { get; set; } = "/";
}
