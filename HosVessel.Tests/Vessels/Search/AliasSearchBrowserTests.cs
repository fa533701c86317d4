using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Accounts;
using HosVessel.Web.Vessels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HosVessel.Tests.Vessels.Search;

/// <summary>"현대" typed into the register search and the home search box finds the HYUNDAI ships, in real Chromium.</summary>
[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class AliasSearchBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Hyundai_in_korean_finds_the_hyundai_ships_on_the_register_and_the_home_page(int width)
    {
        var store = browser.App.Services.GetRequiredService<VesselStore>();
        foreach (var name in new[] { "H/ECOPIA", "HYUNDAI SMART", "HMM ALGECIRAS" })
        {
            if (await store.FindByNameAsync(name) is null)
            {
                await store.CreateAsync(VesselSamples.Valid(name));
            }
        }
        await browser.App.EnsureUserAsync("alias-viewer", "Alias-Viewer-Passw0rd!", Roles.Viewer);
        var page = await browser.LoginAsync("alias-viewer", "Alias-Viewer-Passw0rd!", width);

        await page.GotoAsync("/vessel/list");
        await page.FillAsync("#name", "현대");
        await page.PressAsync("#name", "Enter");
        await page.WaitForURLAsync("**/vessel/list?name=*");
        var found = page.Locator(".ship-link");
        await Assertions.Expect(found.Filter(new() { HasText = "H/ECOPIA" })).ToHaveCountAsync(1);
        await Assertions.Expect(found.Filter(new() { HasText = "HYUNDAI SMART" })).ToHaveCountAsync(1);
        await Assertions.Expect(found.Filter(new() { HasText = "HMM ALGECIRAS" })).ToHaveCountAsync(0);

        await page.GotoAsync("/");
        await page.FillAsync("#q", "현대 ecopia");
        await page.PressAsync("#q", "Enter");
        // One match: the home search goes straight to the ship's page.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("H/ECOPIA");
    }
}
