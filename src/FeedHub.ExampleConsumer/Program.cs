using FeedHub.ExampleConsumer;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddExampleConsumer(builder.Configuration);
await builder.Build().RunAsync();
