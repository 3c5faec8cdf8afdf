namespace FeedHub.Storage;

internal readonly record struct StoreOutcome(int Added, int Changed, int Unchanged);
