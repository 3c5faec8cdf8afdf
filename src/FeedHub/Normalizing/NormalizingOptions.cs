namespace FeedHub.Normalizing;

/// <summary>How feed HTML is made safe, bound from <c>FeedHub:Normalizing</c>.</summary>
internal sealed class NormalizingOptions
{
    public const string Section = "FeedHub:Normalizing";

    /// <summary>
    /// Hosts whose https iframes (video players) survive sanitizing; a subdomain of a listed host counts.
    /// Every other iframe is removed.
    /// </summary>
    public IList<string> IframeHosts { get; init; } = ["www.youtube.com", "youtube.com", "www.youtube-nocookie.com", "youtube-nocookie.com", "player.vimeo.com"];

    public static NormalizingOptions From(IConfiguration? configuration)
    {
        var options = new NormalizingOptions();
        var hosts = configuration?.GetSection($"{Section}:{nameof(IframeHosts)}").Get<string[]>();
        return hosts is null ? options : new NormalizingOptions { IframeHosts = hosts };
    }
}
