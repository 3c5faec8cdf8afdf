namespace FeedHub.Fetching;

/// <summary>Thrown from the connect step when every address of a host is one FeedHub may not reach.</summary>
internal sealed class NetworkRefusedException(string message) : Exception(message);
