using Xunit;

// One Chromium and one FeedHub per test on two cores: run the browser tests one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
