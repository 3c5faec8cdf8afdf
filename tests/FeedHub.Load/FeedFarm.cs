using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace FeedHub.Load;

/// <summary>
/// Serves /feed/{i}.xml for i in [0, feeds) on 127.0.0.1 with ETag and Last-Modified (304 when unchanged), logs every
/// request (feed, start, duration, status, generation served) and stops by itself after --duration.
/// </summary>
internal static class FeedFarm
{
    public const string LogHeader = "feed,start_ms,duration_us,status,generation";

    public static async Task<int> RunAsync(LoadArguments args)
    {
        var port = args.Int("port", 58080);
        var plan = new FarmPlan(
            args.Int("feeds", 1000),
            args.Time("interval", TimeSpan.FromMinutes(5)),
            args.Double("change", 0.1),
            args.Long("start-ms", TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds()));
        var duration = args.Time("duration", TimeSpan.FromMinutes(15));
        var baseUrl = $"http://127.0.0.1:{port}";

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(baseUrl);
        var app = builder.Build();
        var log = new RequestLog(args.Text("log", "farm.csv"), LogHeader);
        await using (log.ConfigureAwait(false))
        {
            app.MapGet("/feed/{name}", async (string name, HttpContext context) =>
            {
                var started = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
                var clock = Stopwatch.StartNew();
                if (!name.EndsWith(".xml", StringComparison.Ordinal)
                    || !int.TryParse(name.AsSpan(0, name.Length - 4), NumberStyles.None, CultureInfo.InvariantCulture, out var feed)
                    || feed >= plan.Feeds)
                {
                    context.Response.StatusCode = 404;
                    return;
                }

                var generation = plan.GenerationAt(feed, started);
                var etag = $"\"{feed}-{generation}\"";
                var modified = FarmFeedWriter.Rfc1123(plan.GenerationStartMs(feed, generation));
                context.Response.Headers.ETag = etag;
                context.Response.Headers.LastModified = modified;
                if (context.Request.Headers.IfNoneMatch == etag)
                {
                    context.Response.StatusCode = 304;
                }
                else
                {
                    context.Response.ContentType = "application/rss+xml; charset=utf-8";
                    await context.Response.WriteAsync(FarmFeedWriter.Write(plan, baseUrl, feed, generation), Encoding.UTF8, context.RequestAborted).ConfigureAwait(false);
                }

                log.Add(string.Create(CultureInfo.InvariantCulture, $"{feed},{started},{clock.Elapsed.Ticks / 10},{context.Response.StatusCode},{generation}"));
            });

            using var stop = new CancellationTokenSource(duration);
            Console.WriteLine($"farm: {plan.Feeds} feeds at {baseUrl}/feed/{{i}}.xml for {duration:c}");
            await app.RunAsync(stop.Token).ConfigureAwait(false);
        }

        return 0;
    }
}
