using HosVessel.Tests.Infrastructure;
using HosVessel.Tests.Voyages;
using Microsoft.Playwright;

namespace HosVessel.Tests.Fleet;

/// <summary>The browser on the fleet clock, so a week of pushes can happen before the screenshots.</summary>
public sealed class FleetBrowserFixture() : BrowserFixture(new FleetFactory())
{
    public FleetFactory Fleet => (FleetFactory)App;
}

/// <summary>
/// The home page and the vessel timeline in real Chromium at phone (390 px) and desktop (1280 px) widths, after a
/// week of daily pushes: screenshots into TestResults/screenshots/ (docs/screenshots/ with HOSVESSEL_UPDATE_SCREENSHOTS=1).
/// </summary>
[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class FleetBrowserTests(FleetBrowserFixture browser) : IClassFixture<FleetBrowserFixture>
{
    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private static long ecopiaId;

    [Theory]
    [InlineData("desktop", 1280)]
    [InlineData("phone", 390)]
    public async Task Home_and_vessel_timeline_fit_the_screen_with_charts_and_no_csp_violations(string device, int width)
    {
        await SeedAsync();
        var page = await browser.LoginAsync(HosVesselFactory.AdminUsername, HosVesselFactory.AdminPassword, width);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        await page.GotoAsync("/");
        foreach (var id in new[] { "fleet-search", "arrivals", "psc-due", "crew-relief", "audit-due", "data-quality" })
        {
            await Assertions.Expect(page.Locator($"#{id}")).ToBeVisibleAsync();
        }
        await Assertions.Expect(page.Locator("#arrivals svg[role=img]")).ToBeVisibleAsync();
        Assert.True(await page.Locator("#arrivals .ship-rows li").CountAsync() >= 3);
        await BrowserFixture.AssertNoSidewaysScrollAsync(page);
        await BrowserFixture.ScreenshotAsync(page, $"fleet-home-{device}");

        await page.FillAsync("#q", "H/ECOPIA");
        await page.PressAsync("#q", "Enter");
        await page.WaitForURLAsync($"**/vessel/{ecopiaId}");
        await Assertions.Expect(page.Locator("#eta-chart svg[role=img]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#voyage-history .timeline > li").First).ToContainTextAsync("ETA");
        await BrowserFixture.AssertNoSidewaysScrollAsync(page);
        await page.Locator("#voyage-history").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, $"vessel-timeline-{device}");

        Assert.Empty(violations);
    }

    // A week of daily pushes, the ETA of HYUNDAI ECOPIA slipping at Felixstowe and its master relieved on day 4.
    private async Task SeedAsync()
    {
        await Seeded.WaitAsync();
        try
        {
            if (ecopiaId != 0)
            {
                return;
            }
            var app = browser.Fleet;
            var client = app.CreateClient();
            var ecopia = await app.RegisterAsync("HYUNDAI ECOPIA", tic: "CT1", callsign: "D7EC");
            ecopiaId = ecopia.Id;
            await app.RegisterAsync("HMM ALGECIRAS", internalAudit: app.DaysAgo(350));
            await app.RegisterAsync("HYUNDAI SMART", internalAudit: null);
            await app.RegisterAsync("HMM OSLO", internalAudit: app.DaysAgo(370));
            await app.RegisterAsync("HYUNDAI BRAVE");
            var start = app.In(0);
            // Dates fixed at the first push, as a real feed repeats them; only the ETAs and the master change.
            var ago = new Func<int, string>(days => app.DaysAgo(days));
            var (captain1, captain2, chief, tokyo, paris) = ($"이상필 ({ago(200)})", $"김철수 ({ago(-4)})", $"문학병 ({ago(150)})", ago(60), ago(420));
            var (algeMaster, algeTokyo, smartUscg, osloChief) = ($"박영희 ({ago(190)})", ago(100), ago(400), $"정대호 ({ago(240)})");
            var callEta = app.NowKst.Date.AddDays(10 + 7).AddHours(14);
            double[] slipHours = [0, 0, 6, 6, 30, 30, 27, 27];
            var last = slipHours.Length - 1;
            for (var day = 0; day <= last; day++)
            {
                var eta = callEta.AddHours(slipHours[day]).ToString("yyyy-MM-dd HH:mm");
                await client.PushOkAsync(FeedItem.Push(
                    new FeedItem("H/ECOPIA") { NextPort = "GBFXT(GBR)", NextEta = eta, Captain = day < 4 ? captain1 : captain2, ChiefEngineer = chief, SafetySupervisor = "장성욱", Mou1 = "Tokyo", Date1 = tokyo, Mou2 = "Paris", Date2 = paris },
                    new FeedItem("HMM ALGECIRAS") { Line = "FE4", NextPort = "SGSIN(PSA)", NextEta = app.In(2.2 + last - day), Captain = algeMaster, Mou1 = "Tokyo", Date1 = algeTokyo },
                    new FeedItem("HYUNDAI SMART") { Line = "CIX", NextPort = "USLAX(APM)", NextEta = app.In(4.5 + last - day), Mou1 = "USCG", Date1 = smartUscg },
                    new FeedItem("HMM OSLO") { Line = "FP1", NextPort = "INNSA(JNP)", NextEta = app.In(7.5 + last - day), ChiefEngineer = osloChief },
                    new FeedItem("HYUNDAI BRAVE") { Line = "AEX", NextPort = "KRPUS(PNC)", NextEta = app.In(-0.3 + last - day) },
                    new FeedItem("HYUNDAI TYPO SHIP") { Line = "FE4", NextPort = "CNSHA(YSW)", NextEta = app.In(11 + last - day) }));
                if (day < last)
                {
                    app.Clock.Advance(TimeSpan.FromDays(1));
                }
            }
            Assert.NotEqual(start, app.In(0));
        }
        finally
        {
            Seeded.Release();
        }
    }
}
