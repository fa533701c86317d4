using Microsoft.Playwright;

namespace HosVessel.Tests.Infrastructure;

/// <summary>
/// The app on a real Kestrel port plus Debian's Chromium driven by Playwright, shared by one test class.
/// Use <see cref="NewPageAsync"/> for a fresh browser context (its own cookies) per test.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public BrowserFixture()
        : this(new HosVesselFactory())
    {
    }

    /// <summary>For a fixture whose app needs more than the defaults (a fake clock, for example).</summary>
    protected BrowserFixture(HosVesselFactory app) => App = app;

    private static readonly string[] ChromiumArguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;

    public HosVesselFactory App { get; }

    public string BaseUrl { get; private set; } = "";

    /// <summary>Where every run's screenshots go, to look at; ignored by git.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(RepositoryRoot.Path, "TestResults", "screenshots");

    /// <summary>The committed screenshots, refreshed only when <c>HOSVESSEL_UPDATE_SCREENSHOTS=1</c>, so a test run leaves git clean.</summary>
    public static string DocsScreenshotDirectory { get; } = Path.Combine(RepositoryRoot.Path, "docs", "screenshots");

    private static bool UpdateDocs => Environment.GetEnvironmentVariable("HOSVESSEL_UPDATE_SCREENSHOTS") == "1";

    public async Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ChromiumArguments,
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "ko-KR",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Logs in through the real form, as a person would.</summary>
    public async Task<IPage> LoginAsync(string username, string password, int width = 1280, int height = 900)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=username]", username);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("form button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login"));
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        if (UpdateDocs)
        {
            File.Copy(path, Path.Combine(DocsScreenshotDirectory, $"{name}.png"), overwrite: true);
        }
    }

    /// <summary>What a person sees as a page that fits: nothing wider than the window, so nothing to scroll sideways.</summary>
    public static async Task AssertNoSidewaysScrollAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"{page.Url} scrolls sideways at {page.ViewportSize?.Width} px");

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
        playwright?.Dispose();
        await App.DisposeAsync();
    }
}
