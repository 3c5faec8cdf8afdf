using Microsoft.Playwright;
using Xunit;

namespace FeedHub.BrowserTests;

/// <summary>
/// Debian's Chromium driven by Playwright: no browser download, so it works where only the package
/// registries are reachable. Skips where Chromium is missing, but fails under CI, where tests/services.sh installs it.
/// FEEDHUB_TEST_CHROMIUM names another Chromium-based browser (the GitHub runner's Chrome).
/// </summary>
public sealed class DebianChromium : IAsyncLifetime
{
    private static readonly string ExecutablePath = Environment.GetEnvironmentVariable("FEEDHUB_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser? Browser { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            return;
        }

        // The suite shares two cores with the other test projects: give each page assertion room beyond 5 s.
        Assertions.SetDefaultExpectTimeout(20_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (no cookies) with a page on it.</summary>
    public async Task<IPage> NewPageAsync()
    {
        if (Browser is null)
        {
            var reason = $"{ExecutablePath} (Debian's chromium package) is not installed.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"{reason} CI must install it (apt-get install -y chromium; tests/services.sh does).");
            }

            Assert.Skip($"{reason} Install it with: apt-get install -y chromium");
        }

        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 }, Locale = "en-GB" });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
