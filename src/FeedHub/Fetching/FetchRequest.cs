namespace FeedHub.Fetching;

/// <param name="Headers">The operator's extra request headers for this feed.</param>
/// <param name="Credentials">HTTP Basic credentials for feeds behind auth.</param>
internal sealed record FetchRequest(
    Uri Url,
    CacheValidators Validators,
    IReadOnlyDictionary<string, string>? Headers = null,
    BasicCredentials? Credentials = null);

internal sealed record BasicCredentials(string Username, string Password)
{
    public string HeaderValue => "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Username}:{Password}"));

    public override string ToString() => $"{Username}:***";
}
