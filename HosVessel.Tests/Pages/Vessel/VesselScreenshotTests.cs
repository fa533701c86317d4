using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Vessels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HosVessel.Tests.Pages.Vessel;

/// <summary>Screenshots of the register pages at desktop and phone widths, on the development fleet, into TestResults/screenshots/ (docs/screenshots/ with HOSVESSEL_UPDATE_SCREENSHOTS=1).</summary>
[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class VesselScreenshotTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("desktop", 1280)]
    [InlineData("phone", 390)]
    public async Task List_detail_and_edit_pages_fit_the_screen(string device, int width)
    {
        var store = browser.App.Services.GetRequiredService<VesselStore>();
        foreach (var fields in DevelopmentVesselSeeder.Fleet())
        {
            if (await store.FindByImoAsync(fields.ImoNo!) is null)
            {
                await store.CreateAsync(fields);
            }
        }
        var vessel = await store.FindByNameAsync("HOS LUMEN");
        var page = await browser.LoginAsync(HosVesselFactory.AdminUsername, HosVesselFactory.AdminPassword, width);

        await page.GotoAsync("/vessel/list");
        await Assertions.Expect(page.Locator(".total")).ToHaveTextAsync("총 30척");
        await AssertNoHorizontalScrollAsync(page);
        await BrowserFixture.ScreenshotAsync(page, $"vessel-list-{device}");

        await page.GotoAsync($"/vessel/{vessel!.Id}");
        await AssertNoHorizontalScrollAsync(page);
        await BrowserFixture.ScreenshotAsync(page, $"vessel-detail-{device}");

        await page.GotoAsync($"/vessel/{vessel.Id}/edit");
        await page.FillAsync("input[name=imo_no]", "1234568");
        await page.FillAsync("input[name=built_year]", "2019/05");
        await page.ClickAsync("form button[type=submit]:has-text('저장')");
        await Assertions.Expect(page.Locator("#imo_no-error")).ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(page);
        await BrowserFixture.ScreenshotAsync(page, $"vessel-edit-{device}");
    }

    private static async Task AssertNoHorizontalScrollAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"{page.Url} scrolls sideways");
}
