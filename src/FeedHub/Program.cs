using FeedHub.Cli;

return await FeedHubCommandLine.InvokeAsync(args);
