using System.Text.Json.Nodes;
using HosVessel.Tests.Infrastructure;
using HosVessel.Tests.Voyages;
using HosVessel.Web.Accounts;
using HosVessel.Web.Vessels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HosVessel.Tests.Pages;

/// <summary>
/// Every page at a 390 px phone and a 1280 px desk, on the development fleet with a realistic feed: nothing scrolls
/// sideways, and a screenshot of each goes to TestResults/screenshots/ (docs/screenshots/ with HOSVESSEL_UPDATE_SCREENSHOTS=1).
/// </summary>
[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class PageLayoutBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string ViewerName = "kim.minsu.fleet-operations";
    private const string ViewerPassword = "Viewer-Passw0rd!";
    private const int PhoneHeight = 844;

    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private static (long Vessel, long Voyage) ids;

    [Theory]
    [InlineData("desktop", 1280)]
    [InlineData("phone", 390)]
    public async Task Every_page_fits_the_screen_without_sideways_scroll(string device, int width)
    {
        var (vesselId, voyageId) = await SeedAsync();
        var admin = await browser.LoginAsync(HosVesselFactory.AdminUsername, HosVesselFactory.AdminPassword, width);
        // The home page's screenshots come from FleetBrowserTests, after a week of pushes on its clock.
        await admin.GotoAsync("/");
        await BrowserFixture.AssertNoSidewaysScrollAsync(admin);
        (string Name, string Path)[] adminPages =
        [
            ("vessel-list", "/vessel/list"), ("vessel-detail", $"/vessel/{vesselId}"),
            ("vessel-new", "/vessel/new"), ("vessel-import", "/vessel/import"), ("voyage-list", "/voyage"),
            ("voyage-detail", $"/voyage/{voyageId}"), ("voyage-feed", "/voyage/feed"), ("users", "/users"),
            ("signup", "/signup"), ("account", "/account"), ("account-password", "/account/password"),
            ("not-found", "/vessel/987654"),
        ];
        foreach (var (name, path) in adminPages)
        {
            await ShowAsync(admin, name, path, device);
        }

        // The edit form with an error under a field, as an admin meets it.
        await admin.GotoAsync($"/vessel/{vesselId}/edit");
        await admin.FillAsync("input[name=imo_no]", "1234568");
        await admin.ClickAsync("form button[type=submit]:has-text('저장')");
        await Assertions.Expect(admin.Locator("#imo_no-error")).ToBeVisibleAsync();
        await BrowserFixture.AssertNoSidewaysScrollAsync(admin);
        await BrowserFixture.ScreenshotAsync(admin, $"vessel-edit-{device}");

        var viewer = await browser.LoginAsync(ViewerName, ViewerPassword, width);
        await ShowAsync(viewer, "forbidden", "/users", device);
        Assert.Contains("관리자", await viewer.InnerTextAsync("main"));
        Assert.Equal(["선박 목록", "운항 정보", "홈"], await viewer.Locator(".dead-end-links a").AllInnerTextsAsync());

        var anonymous = await browser.NewPageAsync(width);
        await ShowAsync(anonymous, "login", "/login", device);
    }

    [Fact]
    public async Task On_a_phone_the_vessel_page_opens_with_the_summary_strip_and_the_voyage_card()
    {
        var (vesselId, _) = await SeedAsync();
        var page = await browser.LoginAsync(ViewerName, ViewerPassword, 390, PhoneHeight);

        await page.GotoAsync($"/vessel/{vesselId}");

        var strip = page.Locator("#voyage-strip");
        await Assertions.Expect(strip).ToContainTextAsync("GBFXT(GBR)");
        await Assertions.Expect(strip).ToContainTextAsync("2026-12-12 05:00 KST");
        await Assertions.Expect(strip).ToContainTextAsync("FE4");
        Assert.True((await BoxAsync(strip)).Bottom <= PhoneHeight, "the summary strip ends below the first screen");
        var card = await BoxAsync(page.Locator("#current-voyage"));
        Assert.True(card.Bottom <= PhoneHeight, $"the voyage card ends at {card.Bottom} px, below the first screen");
        Assert.True(card.Bottom < (await BoxAsync(page.Locator(".detail-grid"))).Top, "the voyage card does not come before the register");

        // The ETA's date is one unit: its line box is one line high, however narrow the cell.
        var eta = page.Locator("#current-voyage time.when .day").First;
        Assert.Equal("2026-12-12", await eta.InnerTextAsync());
        Assert.True((await BoxAsync(eta)).Height < 30, "the ETA date wraps");
    }

    private static async Task ShowAsync(IPage page, string name, string path, string device)
    {
        await page.GotoAsync(path);
        await BrowserFixture.AssertNoSidewaysScrollAsync(page);
        await BrowserFixture.ScreenshotAsync(page, $"{name}-{device}");
    }


    private static async Task<(float Top, float Bottom, float Height)> BoxAsync(ILocator locator)
    {
        var box = await locator.BoundingBoxAsync() ?? throw new InvalidOperationException("not shown");
        return (box.Y, box.Y + box.Height, box.Height);
    }

    // The development fleet, 24 of its ships in the feed (two pages of voyages), a long username, and a feed log
    // with a refused push and a clear.
    private async Task<(long Vessel, long Voyage)> SeedAsync()
    {
        await Seeded.WaitAsync();
        try
        {
            if (ids.Vessel != 0)
            {
                return ids;
            }
            var store = browser.App.Services.GetRequiredService<VesselStore>();
            foreach (var fields in DevelopmentVesselSeeder.Fleet())
            {
                await store.CreateAsync(fields);
            }
            await browser.App.EnsureUserAsync(ViewerName, ViewerPassword, Roles.Viewer);
            var client = browser.App.CreateClient();
            await client.PushAsync("""{"vessel_name": "HOS AURORA"}""");
            string[] lines = ["FE4", "CIX", "AEX", "TP7"];
            string[] ports = ["GBFXT(GBR)", "SGSIN(PSA)", "USLAX(APM)", "KRPUS(PNC)", "CNSHA(YSW)", "NLRTM(ECT)"];
            var items = new JsonArray();
            var fleet = DevelopmentVesselSeeder.Fleet().Take(24).ToList();
            for (var i = 0; i < fleet.Count; i++)
            {
                items.Add(new JsonObject
                {
                    ["vessel_name"] = fleet[i].Name,
                    ["voy_no"] = $"{19 + i:0000}",
                    ["line"] = lines[i % lines.Length],
                    ["teu"] = "24K",
                    ["flag"] = "KOR",
                    ["captain"] = $"이상필 (2026-0{1 + i % 9}-05)",
                    ["chief_engineer"] = "문학병 (2025-10-30)",
                    ["safety_supervisor"] = "장성욱",
                    ["ops_supervisor"] = "강문수",
                    ["psc_inspection"] = new JsonObject { ["mou_1"] = "Tokyo", ["date_1"] = "2025-09-09", ["mou_2"] = "Paris", ["date_2"] = "2025-11-25" },
                    ["last_port"] = new JsonObject { ["port"] = "SGSIN(PSA)", ["etd"] = "2026-11-19 04:30" },
                    ["next_port"] = new JsonObject
                    {
                        ["port"] = ports[i % ports.Length], ["eta"] = $"2026-12-{12 + i % 15} 05:00",
                        ["etb"] = $"2026-12-{13 + i % 15} 04:00", ["etd"] = $"2026-12-{14 + i % 15} 15:00",
                    },
                    ["itinerary"] = "NLRTM / RWG(12/24) → DEHAM / CTB(12/30) → GBFXT / TCT(01/03) → SGSIN / PSA(01/28) → KRPUS / PNC(02/09)",
                });
            }
            await client.PushOkAsync(items.ToJsonString());
            var vesselId = (await store.FindByNameAsync(fleet[0].Name!))!.Id;
            var voyageId = await browser.App.QueryScalarAsync<long>("SELECT id FROM voyages WHERE vessel_key = @key", new { key = fleet[0].Name });
            ids = (vesselId, voyageId);
            return ids;
        }
        finally
        {
            Seeded.Release();
        }
    }
}
